/**
 * Counts, per board, the commands that can change what the board is doing (a dispense write, a lift reset), and
 * every change of the link. A status read taken at one count still describes the board at the same count: the
 * kiosk owns the line, so only its own commands move a board from idle to busy, and a board that restarted on
 * its own comes back idle, which a reused "idle" does not misread. Heartbeat and preflight reads leave it alone.
 */
export type CommandEpochs = {
  current(addr: number): number;
  /** A command for this board is about to go on the wire. */
  bump(addr: number): void;
  /** The link went down or came back: whatever was read before may be another board now. */
  bumpAll(): void;
};

export const createCommandEpochs = (): CommandEpochs => {
  const perBoard = new Map<number, number>();
  let line = 0;
  return {
    current: (addr) => line * 1_000_000 + (perBoard.get(addr) ?? 0),
    bump(addr) {
      perBoard.set(addr, (perBoard.get(addr) ?? 0) + 1);
    },
    bumpAll() {
      line += 1;
    },
  };
};
