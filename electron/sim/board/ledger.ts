import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';

/** One item that physically left a slot. `seq` counts from 1 across restarts of the simulator. */
export type LedgerEntry = {
  readonly seq: number;
  readonly addr: number;
  readonly slot: number;
  readonly at: number;
};

/**
 * The simulated machine's ground truth: every item it actually dropped. Append-only and fsynced per
 * drop, so a crash test can kill the kiosk (or the simulator) at any moment and still count drops.
 */
export interface Ledger {
  append(addr: number, slot: number, at: number): LedgerEntry;
  entries(): LedgerEntry[];
  close(): void;
}

const isEntry = (v: unknown): v is LedgerEntry => {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return ['seq', 'addr', 'slot', 'at'].every((k) => typeof e[k] === 'number');
};

/** Reads a ledger file; a line torn by a crash mid-write is ignored (it was never fsynced as complete). */
export const readLedger = (path: string): LedgerEntry[] => {
  if (!existsSync(path)) return [];
  const out: LedgerEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isEntry(value)) out.push(value);
    } catch {
      // A torn trailing line: the drop it described was not yet committed.
    }
  }
  return out;
};

export const createMemoryLedger = (): Ledger => {
  const list: LedgerEntry[] = [];
  return {
    append(addr, slot, at) {
      const entry = { seq: list.length + 1, addr, slot, at };
      list.push(entry);
      return entry;
    },
    entries: () => [...list],
    close: () => undefined,
  };
};

export const createFileLedger = (path: string): Ledger => {
  const existing = readLedger(path);
  let seq = existing.at(-1)?.seq ?? 0;
  const fd = openSync(path, 'a');
  // A torn line left by a crash must not merge with the next entry.
  const text = readFileSync(path, 'utf8');
  if (text.length > 0 && !text.endsWith('\n')) writeSync(fd, '\n');
  let open = true;
  return {
    append(addr, slot, at) {
      const entry = { seq: ++seq, addr, slot, at };
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
      return entry;
    },
    entries: () => readLedger(path),
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
};
