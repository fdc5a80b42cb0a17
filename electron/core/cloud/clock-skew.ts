/**
 * Server clock minus local clock, from the HTTP `Date` header. The header has whole-second resolution, so the
 * server's time is read as the middle of that second, and the local time as the middle of the exchange.
 * The signature carries a timestamp, so a kiosk whose clock drifts starts failing: diagnostics show this.
 */
export type SkewTracker = {
  observe(dateHeader: string | undefined, sentAt: number, receivedAt: number): void;
  value(): number | null;
};

export const createSkewTracker = (): SkewTracker => {
  let last: number | null = null;
  return {
    observe(dateHeader, sentAt, receivedAt) {
      if (dateHeader === undefined) return;
      const server = Date.parse(dateHeader);
      if (Number.isNaN(server)) return;
      last = Math.round(server + 500 - (sentAt + receivedAt) / 2);
    },
    value: () => last,
  };
};
