import { afterEach, describe, expect, it } from 'vitest';
import { boardFailureCode, faultReason } from '../../../../electron/core/protocol/modbus/fault-codes';
import { codes, consumeCalls, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.core.stop();
  h.store.close();
});

const jam = boardFailureCode('Goods are Stuck');
const stuck = { outcome: 'failed' as const, reason: faultReason(jam), faultCode: jam };
const notAnswering = {
  outcome: 'failed' as const,
  reason: 'board 1 not answering before dispense',
  faultCode: null,
};
/** Water, slot 0 on board 1 (see the demo seed). */
const WATER = { productId: 101, addr: 1, slot: 0 };
const newCode = (productId: number): string => {
  const made = h.state.createCodes({ productId, count: 1, codeLength: 8, expiresAt: null });
  if (!made.ok || made.value[0] === undefined) throw new Error('could not make a code');
  return made.value[0].code;
};
/** A fresh code for water, in the kiosk's cache at once. */
const freshWaterCode = async (): Promise<string> => {
  const code = newCode(WATER.productId);
  await h.core.refreshCache();
  return code;
};
const isUnused = (code: string): boolean => h.state.codes().find((c) => c.code === code)?.status === 'UNUSED';

describe('slot health', () => {
  it('takes a jammed slot out at once, and the next code for it is refused before its consume', async () => {
    h = await startHarness();
    const next = newCode(WATER.productId);
    await h.core.refreshCache();
    h.board.queue(stuck);
    await expect(h.core.submitCode(codes.one)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'failed' },
    });
    expect(h.store.getSlotLock(WATER.addr, WATER.slot)).toMatchObject({
      kind: 'quarantine',
      reason: expect.stringContaining('Goods are Stuck') as unknown,
    });
    expect(h.store.listAudit(20).map((a) => a.kind)).toContain('slot.quarantined');
    const consumes = consumeCalls(h);
    await expect(h.core.submitCode(next)).resolves.toEqual({ ok: false, error: { code: 'out-of-service' } });
    expect(consumeCalls(h)).toBe(consumes);
    expect(isUnused(next)).toBe(true);
    // An operator looks, clears it, and the code works.
    expect(h.core.clearSlotLock(WATER.addr, WATER.slot)).toBe(true);
    await expect(h.core.submitCode(next)).resolves.toMatchObject({ ok: true, value: { outcome: 'success' } });
  });

  it('takes a slot out after the configured failures in a row of any kind, and a success resets the count', async () => {
    h = await startHarness({ slots: { quarantineAfterFailures: 2 } });
    const [a, b, c] = [newCode(101), newCode(101), newCode(101)];
    await h.core.refreshCache();
    h.board.queue(notAnswering, { outcome: 'success' }, notAnswering);
    await h.core.submitCode(a);
    await h.core.submitCode(b);
    await h.core.submitCode(c);
    expect(h.store.getSlotLock(WATER.addr, WATER.slot)).toBeNull();
    h.board.queue(notAnswering);
    await h.core.submitCode(await freshWaterCode());
    expect(h.store.getSlotLock(WATER.addr, WATER.slot)).toMatchObject({
      kind: 'quarantine',
      reason: expect.stringContaining('2 failed units in a row') as unknown,
    });
  });

  it('with the streak set to 0, leaves a slot in service after failures the board does not blame on it', async () => {
    h = await startHarness({ slots: { quarantineAfterFailures: 0 } });
    for (let i = 0; i < 4; i++) {
      h.board.queue(notAnswering);
      await h.core.submitCode(await freshWaterCode());
    }
    expect(h.store.getSlotLock(WATER.addr, WATER.slot)).toBeNull();
  });
});

describe('checks before a code is consumed', () => {
  it('refuses while the board cannot start a dispense, without consuming, and the code works after', async () => {
    h = await startHarness();
    h.board.preflightRefusal = 'board 1 drop sensor reads blocked-or-missing';
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
    expect(consumeCalls(h)).toBe(0);
    expect(isUnused(codes.one)).toBe(true);
    // The board was asked about the code's own slot, and no motor command followed.
    expect(h.board.preflights).toEqual([expect.objectContaining({ addr: WATER.addr, slot: WATER.slot })]);
    expect(h.board.dispensed).toEqual([]);
    expect(
      h.logger.lines.some((e) => e.event === 'redemption.refused' && e.fields.reason === 'board-not-ready'),
    ).toBe(true);
    h.board.preflightRefusal = null;
    await expect(h.core.submitCode(codes.one)).resolves.toMatchObject({ ok: true });
  });

  it('refuses a code for more items than the slot holds, without consuming or counting a guess', async () => {
    h = await startHarness();
    // Cola holds 9; the operator counted 2 left after a miscount.
    h.core.recordRestock(103, 2);
    await expect(h.core.submitCode(codes.three)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-stock' },
    });
    expect(consumeCalls(h)).toBe(0);
    expect(isUnused(codes.three)).toBe(true);
    expect(h.core.getState().entryLockedUntil).toBeNull();
    h.core.recordRestock(103, 10);
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
      ok: true,
      value: { dispensed: 3 },
    });
  });
});
