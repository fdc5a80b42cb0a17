import type {
  EventName,
  EventPayload,
  IpcError,
  KioskApi,
  KioskState,
  RedemptionProgress,
  RedemptionResult,
  Result,
} from '../../../electron/contract';
import { err, ok } from '../../../electron/contract/result';
import { FakeMaintenance } from './fake-maintenance';

export const readyState = (overrides: Partial<KioskState> = {}): KioskState => ({
  mode: 'live',
  phase: 'ready',
  machineName: 'Lobby kiosk',
  language: 'en',
  board: 'connected',
  entryLockedUntil: null,
  demoCodes: [],
  idleTimeoutSeconds: 30,
  ...overrides,
});

export const aResult = (overrides: Partial<RedemptionResult> = {}): RedemptionResult => ({
  redemptionId: 'r-1',
  outcome: 'success',
  dispensed: 1,
  of: 1,
  productName: 'Sparkling Water',
  reference: 'K7-1042',
  owed: 0,
  ...overrides,
});

type Listeners = { [E in EventName]: Set<(payload: EventPayload<E>) => void> };
type Pending = { code: string; resolve: (answer: Result<RedemptionResult, IpcError>) => void };

/** A KioskApi whose answers and events the test drives by hand. */
export class FakeKioskApi {
  readonly submitted: string[] = [];
  private readonly listeners: Listeners = { progress: new Set(), state: new Set() };
  private pending: Pending[] = [];
  private stateAnswer: Result<KioskState, IpcError>;
  getStateCalls = 0;
  readonly maintenance = new FakeMaintenance();

  constructor(state: KioskState | null = readyState()) {
    this.stateAnswer = state === null ? err({ code: 'internal' }) : ok(state);
  }

  readonly api: KioskApi = {
    getState: () => {
      this.getStateCalls += 1;
      return Promise.resolve(this.stateAnswer);
    },
    submitCode: ({ code }) => {
      this.submitted.push(code);
      return new Promise((resolve) => {
        this.pending.push({ code, resolve });
      });
    },
    on: (event, listener) => {
      this.listeners[event].add(listener);
      return () => {
        this.listeners[event].delete(listener);
      };
    },
    ...this.maintenance.methods,
  };

  answerStateWith(state: KioskState): void {
    this.stateAnswer = ok(state);
  }

  emitState(state: KioskState): void {
    for (const listener of this.listeners.state) listener(state);
  }

  emitProgress(progress: RedemptionProgress): void {
    for (const listener of this.listeners.progress) listener(progress);
  }

  listenerCount(event: EventName): number {
    return this.listeners[event].size;
  }

  /** Answers the oldest submission still waiting. */
  resolveSubmit(answer: Result<RedemptionResult, IpcError>): void {
    const next = this.pending.shift();
    if (next === undefined) throw new Error('no submission is waiting for an answer');
    next.resolve(answer);
  }

  succeed(overrides: Partial<RedemptionResult> = {}): void {
    this.resolveSubmit(ok(aResult(overrides)));
  }

  fail(error: IpcError): void {
    this.resolveSubmit(err(error));
  }
}
