import { err, ok, type Result } from '../../contract/result';
import type { OperatorSource, TestDispenseRow } from '../ports/test-dispense-store';
import { recordTestOutcome, type TestDeps } from './test-outcome';

/**
 * Why a test did not start: `busy` (the kiosk is starting or stopping, a customer is mid-pickup, another test
 * runs), `not-configured` (no such board in the machine configuration), `board-out` (the board is down, does not
 * match the configuration, or says it cannot start a dispense now). Nothing was sent to the motor.
 */
export type TestRefusal = {
  readonly code: 'busy' | 'not-configured' | 'board-out';
  /** Operator-readable. */
  readonly reason: string;
};

/**
 * Drives one slot once for an operator, under the rule every customer unit follows: the intent is committed
 * before the motor command, the board's acceptance while it runs, the outcome after, and nothing is ever sent
 * again for it (after a crash, recovery asks the board instead: test-recovery.ts). The caller holds the
 * machine for it (create-operator.ts), so no customer's code starts on the line meanwhile.
 */
export const runTestDispense = async (
  deps: TestDeps,
  addr: number,
  slot: number,
  source: OperatorSource,
): Promise<Result<TestDispenseRow, TestRefusal>> => {
  const { store, board, clock, logger } = deps;
  const request = deps.slotRequest(addr, slot);
  if (!request)
    return err({ code: 'not-configured', reason: `board ${addr} is not in the machine configuration` });
  const problem = deps.boardProblem(addr);
  if (problem !== null) return err({ code: 'board-out', reason: problem });
  // The same look a customer's code gets before its consume: a busy board or a blocked sensor would only
  // turn the test into an unknown.
  const ready = await board.preflight(request);
  if (!ready.ok) return err({ code: 'board-out', reason: ready.error });
  const product = store.listProducts().find((p) => p.addr === addr && p.slot === slot);
  const startedAt = clock.now();
  const productId = product?.productId ?? null;
  const id = store.transaction(() => {
    const inserted = store.insertTestIntent({ addr, slot, productId, source, startedAt });
    store.audit('test-dispense.started', { test: inserted, addr, slot, productId, by: source }, startedAt);
    return inserted;
  });
  logger.info('test-dispense.started', { test: id, addr, slot, productId, by: source });
  // Set from the driver's callback, which flow analysis cannot follow.
  const seen = { reused: false };
  const outcome = await board.dispense(request, {
    preflight: ready.value,
    onPreflightReused: () => {
      seen.reused = true;
    },
    // One small commit while the motor runs: the proof, should the kiosk die now, that this command was taken.
    onAccepted: () => {
      store.markTestAccepted(id, clock.now());
    },
  });
  const intent = store.getTest(id);
  if (!intent) throw new Error(`test dispense ${id} was not journaled`);
  return ok(
    recordTestOutcome(deps, intent, outcome, {
      request,
      phase: 'dispense',
      context: null,
      drivenAt: startedAt,
      preflight: seen.reused ? ready.value.status : null,
    }),
  );
};
