import { afterEach, describe, expect, it } from 'vitest';
import type { KioskCore } from '../../../../electron/core/create-kiosk-core';
import { boardFailureCode, faultReason } from '../../../../electron/core/protocol/modbus/fault-codes';
import { codes, consumeCalls, startHarness, type Harness } from '../redemption/harness';

let h: Harness;
let restarted: KioskCore | null = null;
afterEach(async () => {
  await restarted?.stop();
  // A core "crashed" inside a dispense is dead, as after a real crash: only one that was not replaced is stopped.
  if (restarted === null) await h.core.stop();
  restarted = null;
  h.store.close();
});

/** Sparkling Water, slot 0 on board 1 (the demo seed): 8 in stock. */
const WATER = { productId: 101, addr: 1, slot: 0 };
const stockOf = (productId: number): number | undefined => h.store.getProduct(productId)?.stock;
const audits = (kind: string) =>
  h.store
    .listAudit(100)
    .filter((a) => a.kind === kind)
    .map((a) => JSON.parse(a.detail) as Record<string, unknown>);

describe('test dispense', () => {
  it('commits the intent before the motor command and the outcome after, with no code, consume or order', async () => {
    h = await startHarness();
    const seen: unknown[] = [];
    h.board.onDispense = () => {
      seen.push(h.store.openTests().map((t) => ({ state: t.state, accepted: t.acceptedAt !== null })));
    };
    const outbox = h.store.outboxLength();
    const tested = await h.core.operator.testDispense(WATER.addr, WATER.slot, 'maintenance');
    expect(tested).toMatchObject({
      ok: true,
      value: { state: 'success', productId: 101, source: 'maintenance' },
    });
    // At the motor command the intent was on disk, and the board's acceptance recorded while it ran.
    expect(seen).toEqual([[{ state: 'intent', accepted: true }]]);
    expect(h.store.openTests()).toEqual([]);
    expect(h.board.dispensed).toEqual([expect.objectContaining({ addr: 1, slot: 0 })]);
    expect(consumeCalls(h)).toBe(0);
    expect(h.store.countRedemptions()).toBe(0);
    expect(h.store.outboxLength()).toBe(outbox);
    // A real item left the slot: local stock and the stock ledger (a figure report, not a sale).
    expect(stockOf(WATER.productId)).toBe(7);
    expect(h.store.pendingStock()).toEqual([
      expect.objectContaining({ productId: 101, changes: [{ delta: -1 }] }),
    ]);
    expect(audits('test-dispense.started')).toEqual([
      expect.objectContaining({ addr: 1, slot: 0, by: 'maintenance' }),
    ]);
    expect(audits('test-dispense.finished')).toEqual([
      expect.objectContaining({ outcome: 'success', by: 'maintenance' }),
    ]);
  });

  it('after a crash between intent and outcome never sends it again: recovery asks the board', async () => {
    h = await startHarness();
    h.board.onDispense = () => {
      throw new Error('power cut');
    };
    await expect(h.core.operator.testDispense(WATER.addr, WATER.slot, 'kioskctl')).rejects.toThrow(
      'power cut',
    );
    h.board.onDispense = null;
    expect(h.store.openTests()).toEqual([expect.objectContaining({ state: 'intent', source: 'kioskctl' })]);
    h.board.assessment = { outcome: 'unknown', reason: 'board idle after restart' };
    restarted = await h.restart();
    expect(h.board.dispensed).toHaveLength(1);
    expect(h.board.assessed).toEqual([expect.objectContaining({ addr: 1, slot: 0 })]);
    expect(h.board.contexts).toEqual([{ accepted: true, machineRestarted: false }]);
    expect(h.store.openTests()).toEqual([]);
    expect(h.store.lastTest()).toMatchObject({ state: 'unknown', reason: 'board idle after restart' });
    // An unknown locks the slot for an operator, as a customer's unit would; the stock is left alone.
    expect(h.store.getSlotLock(1, 0)).toMatchObject({ kind: 'unknown', redemptionId: null });
    expect(stockOf(WATER.productId)).toBe(8);
    expect(audits('test-dispense.assessed')).toEqual([expect.objectContaining({ outcome: 'unknown' })]);
    expect(restarted.getState().phase).toBe('ready');
  });

  it('settles an interrupted test the board confirms as a drop, with its stock', async () => {
    h = await startHarness();
    h.board.acknowledges = false;
    h.board.onDispense = () => {
      throw new Error('killed');
    };
    await expect(h.core.operator.testDispense(WATER.addr, WATER.slot, 'maintenance')).rejects.toThrow(
      'killed',
    );
    h.board.onDispense = null;
    h.board.assessment = { outcome: 'success' };
    restarted = await h.restartAfterPowerCut();
    expect(h.board.contexts).toEqual([{ accepted: false, machineRestarted: true }]);
    expect(h.store.lastTest()?.state).toBe('success');
    expect(stockOf(WATER.productId)).toBe(7);
    expect(h.board.dispensed).toHaveLength(1);
  });

  it('feeds slot health: a jam quarantines the slot, and the next code for it is refused before its consume', async () => {
    h = await startHarness();
    const jam = boardFailureCode('Goods are Stuck');
    h.board.queue({ outcome: 'failed', reason: faultReason(jam), faultCode: jam });
    const tested = await h.core.operator.testDispense(WATER.addr, WATER.slot, 'maintenance');
    expect(tested).toMatchObject({ ok: true, value: { state: 'failed' } });
    expect(h.store.getSlotLock(1, 0)).toMatchObject({ kind: 'quarantine' });
    expect(audits('slot.quarantined')).toEqual([
      expect.objectContaining({ test: tested.ok ? tested.value.id : 0 }),
    ]);
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
    expect(consumeCalls(h)).toBe(0);
    expect(stockOf(WATER.productId)).toBe(8);
  });

  it('counts failed tests in the streak with customers’ units', async () => {
    h = await startHarness({ slots: { quarantineAfterFailures: 2 } });
    const noAnswer = { outcome: 'failed' as const, reason: 'board 1 not answering', faultCode: null };
    h.board.queue(noAnswer);
    await h.core.operator.testDispense(WATER.addr, WATER.slot, 'maintenance');
    expect(h.store.getSlotLock(1, 0)).toBeNull();
    await h.clock.advance(1000);
    h.board.queue(noAnswer);
    await h.core.submitCode(codes.one);
    expect(h.store.getSlotLock(1, 0)).toMatchObject({
      kind: 'quarantine',
      reason: expect.stringContaining('2 failed units in a row') as unknown,
    });
  });

  it('runs on a locked slot (checking a repair) and leaves the unlock to the operator', async () => {
    h = await startHarness();
    h.store.lockSlot({
      addr: 1,
      slot: 0,
      kind: 'quarantine',
      reason: 'jam',
      redemptionId: null,
      lockedAt: 1,
    });
    await expect(h.core.operator.testDispense(1, 0, 'maintenance')).resolves.toMatchObject({
      ok: true,
      value: { state: 'success' },
    });
    expect(h.store.getSlotLock(1, 0)).toMatchObject({ kind: 'quarantine', reason: 'jam' });
  });

  it('is refused while a customer is mid-pickup, and a code is refused while a test runs', async () => {
    h = await startHarness();
    h.cloud.latencyMs = 2000;
    const pickup = h.core.submitCode(codes.one);
    await h.clock.advance(1);
    await expect(h.core.operator.testDispense(1, 0, 'maintenance')).resolves.toEqual({
      ok: false,
      error: { code: 'busy', reason: "a customer's pickup is in progress" },
    });
    await h.clock.advance(5000);
    await expect(pickup).resolves.toMatchObject({ ok: true });
    h.cloud.latencyMs = 0;
    // Lets the outbox round the pickup queued (still at the slow latency) finish before the core stops.
    await h.clock.advance(5000);

    let release: () => void = () => undefined;
    h.board.preflight = () =>
      new Promise((resolve) => {
        release = () => {
          resolve({
            ok: true,
            value: { addr: 1, status: { runStatus: 'idle', faultCode: 0 }, epoch: 0, at: 0 },
          });
        };
      });
    const test = h.core.operator.testDispense(1, 1, 'kioskctl');
    await expect(h.core.submitCode(codes.two)).resolves.toEqual({ ok: false, error: { code: 'busy' } });
    await expect(h.core.operator.testDispense(1, 2, 'maintenance')).resolves.toMatchObject({
      ok: false,
      error: { code: 'busy', reason: 'another test dispense is running' },
    });
    release();
    await expect(test).resolves.toMatchObject({ ok: true });
    expect(h.board.dispensed).toHaveLength(2);
  });

  it('is refused, with nothing sent, when the board is out, not ready, or not configured', async () => {
    h = await startHarness();
    h.board.preflightRefusal = 'drop sensor blocked';
    await expect(h.core.operator.testDispense(1, 0, 'maintenance')).resolves.toEqual({
      ok: false,
      error: { code: 'board-out', reason: 'drop sensor blocked' },
    });
    h.board.preflightRefusal = null;
    await expect(h.core.operator.testDispense(5, 0, 'maintenance')).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-configured' },
    });
    await restartWithBoardTwoDown();
    await expect(restarted!.operator.testDispense(2, 0, 'maintenance')).resolves.toMatchObject({
      ok: false,
      error: { code: 'board-out', reason: expect.stringContaining('board 2 does not answer') as unknown },
    });
    expect(h.board.dispensed).toEqual([]);
    expect(h.store.lastTest()).toBeNull();
  });

  it('is refused while the kiosk is still starting', async () => {
    h = await startHarness({}, false);
    await expect(h.core.operator.testDispense(1, 0, 'maintenance')).resolves.toMatchObject({
      ok: false,
      error: { code: 'busy' },
    });
  });
});

const restartWithBoardTwoDown = async (): Promise<void> => {
  await h.core.stop();
  h.board.hardware.set(2, { ok: false, error: { code: 'timeout', message: 'no reply' } });
  restarted = await h.restart();
};
