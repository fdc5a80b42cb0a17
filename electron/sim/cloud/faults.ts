/** Only calls whose URL path contains `path` are hit (all when absent); `times` limits how many (forever when absent). */
export type FaultScope = { readonly path?: string; readonly times?: number };

export type SimFaults = {
  /** Delay before every answer, in ms. */
  readonly latencyMs?: number;
  /** Answer a vendor error instead of handling the call (e.g. 30003, 4006, 10025 with data). */
  readonly error?: FaultScope & {
    readonly code: number;
    readonly message?: string;
    readonly httpStatus?: number;
    readonly data?: Readonly<Record<string, unknown>>;
  };
  /**
   * A broken answer: `html` an nginx 502 page, `not-json` plain text with 200, `truncated` the first half of the
   * real JSON, `wrong-shape` code 0 with a message and an empty `data` (a failure that looks like success).
   */
  readonly body?: FaultScope & { readonly kind: 'html' | 'not-json' | 'truncated' | 'wrong-shape' };
  /** Close the connection without an answer. */
  readonly drop?: FaultScope;
  /** Send half the answer, wait this long, then the rest. */
  readonly slowBodyMs?: number;
  /** The dashboard's pickup-code switch off: 10023. */
  readonly pickupCodesOff?: boolean;
  /** The machine offline: consume answers 30002, machine detail omits `is_online`. */
  readonly machineOffline?: boolean;
};

type Counted<T extends FaultScope> = { fault: T; remaining: number };

/** The faults in force, with their remaining counts. One per server. */
export class FaultBox {
  private current: SimFaults = {};
  private readonly counted = new Map<'error' | 'body' | 'drop', Counted<FaultScope>>();

  set(faults: SimFaults): void {
    this.current = faults;
    this.counted.clear();
    for (const kind of ['error', 'body', 'drop'] as const) {
      const fault = faults[kind];
      if (fault) this.counted.set(kind, { fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
    }
  }

  get latencyMs(): number {
    return this.current.latencyMs ?? 0;
  }

  get slowBodyMs(): number {
    return this.current.slowBodyMs ?? 0;
  }

  get faults(): SimFaults {
    return this.current;
  }

  /** Takes one use of a scoped fault when it applies to `path`. */
  take<K extends 'error' | 'body' | 'drop'>(kind: K, path: string): NonNullable<SimFaults[K]> | null {
    const entry = this.counted.get(kind);
    if (!entry || entry.remaining <= 0) return null;
    if (entry.fault.path !== undefined && !path.includes(entry.fault.path)) return null;
    entry.remaining--;
    return entry.fault as NonNullable<SimFaults[K]>;
  }
}
