import type { IpcError, KioskApi, MaintenanceStatus, RecentLog, Result } from '../../../electron/contract';
import { err, ok } from '../../../electron/contract/result';

export const aStatus = (overrides: Partial<MaintenanceStatus> = {}): MaintenanceStatus => ({
  machineNo: '12345678',
  machineName: 'Lobby kiosk',
  version: '0.1.0',
  mode: 'live',
  phase: 'ready',
  outOfServiceReason: null,
  board: 'connected',
  credentialStore: { state: 'ready', message: 'credentials are encrypted by the OS store (gnome_libsecret)' },
  diagnostics: {
    outboxLength: 3,
    slotLocks: [
      {
        addr: 1,
        slot: 2,
        kind: 'unknown',
        reason: 'dispense outcome unknown: drop not confirmed',
        lockedAt: Date.UTC(2026, 0, 1, 9),
      },
    ],
    needsAttention: [
      {
        redemptionId: 'r-9',
        codeMask: '******57',
        slotName: 'A02',
        note: 'drop not confirmed',
        at: Date.UTC(2026, 0, 1, 9),
      },
    ],
    owed: [],
    boardsOut: [],
    openRedemptions: 0,
    cacheAgeMs: 45_000,
    clockSkewMs: -2000,
  },
  ...overrides,
});

type Method =
  | 'maintenanceOpen'
  | 'maintenanceStatus'
  | 'maintenanceClearLock'
  | 'maintenanceRetryOutbox'
  | 'maintenanceSettleOwed'
  | 'maintenanceTestDispense'
  | 'maintenanceRestock'
  | 'maintenanceResolveAttention'
  | 'maintenanceSetService'
  | 'maintenanceSetSound';
type Pending = {
  readonly method: Method;
  readonly resolve: (answer: Result<MaintenanceStatus, IpcError>) => void;
};

/** The maintenance half of the fake bridge: calls wait until the test answers them, oldest first. */
export class FakeMaintenance {
  readonly calls: {
    readonly method: Method | 'maintenanceClose' | 'maintenanceRecentLog';
    readonly input: unknown;
  }[] = [];
  private pending: Pending[] = [];
  private logPending: ((answer: Result<RecentLog, IpcError>) => void)[] = [];

  private wait(method: Method, input: unknown): Promise<Result<MaintenanceStatus, IpcError>> {
    this.calls.push({ method, input });
    return new Promise((resolve) => {
      this.pending.push({ method, resolve });
    });
  }

  readonly methods: Pick<KioskApi, Method | 'maintenanceClose' | 'maintenanceRecentLog'> = {
    maintenanceOpen: (input) => this.wait('maintenanceOpen', input),
    maintenanceStatus: (input) => this.wait('maintenanceStatus', input),
    maintenanceClearLock: (input) => this.wait('maintenanceClearLock', input),
    maintenanceRetryOutbox: (input) => this.wait('maintenanceRetryOutbox', input),
    maintenanceSettleOwed: (input) => this.wait('maintenanceSettleOwed', input),
    maintenanceTestDispense: (input) => this.wait('maintenanceTestDispense', input),
    maintenanceRestock: (input) => this.wait('maintenanceRestock', input),
    maintenanceResolveAttention: (input) => this.wait('maintenanceResolveAttention', input),
    maintenanceSetService: (input) => this.wait('maintenanceSetService', input),
    maintenanceSetSound: (input) => this.wait('maintenanceSetSound', input),
    maintenanceRecentLog: (input) => {
      this.calls.push({ method: 'maintenanceRecentLog', input });
      return new Promise((resolve) => {
        this.logPending.push(resolve);
      });
    },
    // The screen never waits on close; answering at once keeps tests about what matters.
    maintenanceClose: (input) => {
      this.calls.push({ method: 'maintenanceClose', input });
      return Promise.resolve(ok({ closed: true as const }));
    },
  };

  /** Answers the oldest waiting call, which must be `method`. */
  answer(method: Method, answer: Result<MaintenanceStatus, IpcError>): void {
    const next = this.pending.shift();
    if (next?.method !== method)
      throw new Error(`expected a waiting ${method}, found ${next?.method ?? 'nothing'}`);
    next.resolve(answer);
  }

  succeed(method: Method, status: MaintenanceStatus = aStatus()): void {
    this.answer(method, ok(status));
  }

  fail(method: Method, error: IpcError): void {
    this.answer(method, err(error));
  }

  /** Answers the oldest waiting recent-log call. */
  answerLog(answer: Result<RecentLog, IpcError>): void {
    const next = this.logPending.shift();
    if (next === undefined) throw new Error('no recent-log call is waiting');
    next(answer);
  }

  waiting(): number {
    return this.pending.length;
  }
}
