import { err, type Result } from '../../contract/result';
import type { OperatorSource, TestDispenseRow } from '../ports/test-dispense-store';
import { readOperatorView, type OperatorView } from './operator-view';
import { resolveAttention, type ResolveError } from './resolve-attention';
import { createServiceSwitch, type ServiceState } from './service-switch';
import { runTestDispense, type TestRefusal } from './test-dispense';
import type { TestDeps } from './test-outcome';
import { recoverTests } from './test-recovery';

/** The operator tools the kiosk core offers the maintenance screen and the control channel (kioskctl). */
export type OperatorCore = {
  /** Drops one item from a slot, journaled as a test; refused while a customer is mid-pickup or the board is out. */
  testDispense(addr: number, slot: number, by: OperatorSource): Promise<Result<TestDispenseRow, TestRefusal>>;
  /** Clears a pickup's attention flag with what the operator found; audited. */
  resolveAttention(
    redemptionId: string,
    note: string,
    by: OperatorSource,
  ): Result<{ readonly redemptionId: string; readonly note: string }, ResolveError>;
  /** Takes the machine out of service (codes refused before anything is consumed) or puts it back; kept on disk. */
  setInService(inService: boolean, by: OperatorSource): ServiceState;
  service(): ServiceState;
  view(): OperatorView;
};

/** What the core's composition uses besides the tools themselves. */
export type OperatorControl = OperatorCore & {
  /** A test is driving a motor: a customer's code answers `busy` until it ends. */
  testing(): boolean;
  /** Settles tests a crash left mid-dispense (at start, with the customers' recovery). */
  recover(): Promise<number>;
  /** Resolves once a test in progress has ended (at stop). */
  idle(): Promise<unknown>;
};

export type OperatorGate = {
  /** The core has finished starting and is not stopping. */
  readonly ready: () => boolean;
  /** A customer's redemption is in progress. */
  readonly customerBusy: () => boolean;
  /** The service switch changed: the customer's screen follows it. */
  readonly onServiceChange: () => void;
};

export const createOperator = (deps: TestDeps, gate: OperatorGate): OperatorControl => {
  const service = createServiceSwitch(deps);
  let running: Promise<unknown> | null = null;

  const refuse = (reason: string): Result<never, TestRefusal> => err({ code: 'busy', reason });

  return {
    async testDispense(addr, slot, by) {
      // Checked and claimed before the first await, so a customer's code and a test can never both start.
      if (!gate.ready()) return refuse('the kiosk is starting or stopping');
      if (gate.customerBusy()) return refuse("a customer's pickup is in progress");
      if (running !== null) return refuse('another test dispense is running');
      const run = runTestDispense(deps, addr, slot, by);
      running = run;
      try {
        return await run;
      } finally {
        running = null;
      }
    },
    resolveAttention: (redemptionId, note, by) => resolveAttention(deps, redemptionId, note, by),
    setInService(inService, by) {
      const before = service.current().inService;
      const after = service.set(inService, by);
      if (after.inService !== before) gate.onServiceChange();
      return after;
    },
    service: () => service.current(),
    view: () => readOperatorView(deps.store, service.current()),
    testing: () => running !== null,
    recover: () => recoverTests(deps),
    idle: () => running ?? Promise.resolve(),
  };
};
