import { recordTestOutcome, type TestDeps } from './test-outcome';

/**
 * Settles the test dispenses a crash or power cut left between intent and outcome, before the kiosk takes
 * codes. Like a customer's unit, each is judged from the board's own status, whether the board had accepted
 * the command and whether the machine restarted since; the command is never sent again. A slot no longer in
 * the configuration cannot be asked: unknown, and locked like any unknown. Answers how many were settled.
 */
export const recoverTests = async (deps: TestDeps): Promise<number> => {
  const { store, board, logger, clock } = deps;
  const open = store.openTests();
  for (const test of open) {
    logger.warn('recovery.test-found', { test: test.id, addr: test.addr, slot: test.slot });
    store.audit('recovery.test-found', { test: test.id, addr: test.addr, slot: test.slot }, clock.now());
    const request = deps.slotRequest(test.addr, test.slot);
    const context = {
      accepted: test.acceptedAt !== null,
      machineRestarted: deps.machineBootedAt() > test.startedAt,
    };
    if (!request) {
      const reason = `board ${test.addr} is no longer configured, so the interrupted test cannot be assessed`;
      // No request to replay against: the outcome is written, with no incident of its own.
      recordTestOutcome(deps, test, { outcome: 'unknown', reason }, null);
      continue;
    }
    const drivenAt = clock.now();
    const outcome = await board.assessInterrupted(request, context);
    recordTestOutcome(deps, test, outcome, {
      request,
      phase: 'assess',
      context,
      drivenAt,
      preflight: null,
    });
  }
  return open.length;
};
