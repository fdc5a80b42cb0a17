import { afterEach, describe, expect, it } from 'vitest';
import { demoSeed } from '../../../../electron/sim/cloud/demo-seed';
import { simSeedSchema, type SimSeed } from '../../../../electron/sim/cloud/seed-schema';
import { codes, consumeCalls, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.core.stop();
  h.store.close();
});

/** Cola, slot 2 on board 1; the demo code `three` is for 3 of them. */
const COLA = { productId: 103, addr: 1, slot: 2 };
const failed = {
  outcome: 'failed' as const,
  reason: 'board 1 not answering before dispense',
  faultCode: null,
};
const ordersFor = (tradeId: string): number =>
  h.state
    .uploadedOrders()
    .flat()
    .filter((o) => (o as { trade_id: string }).trade_id === tradeId).length;

describe('what a code is still owed', () => {
  it('a 3-item code that failed on unit 2 later dispenses exactly the 2 owed, with one consume in total', async () => {
    h = await startHarness();
    h.board.queue({ outcome: 'success' }, failed);
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'partial', dispensed: 1, of: 3, owed: 2 },
    });
    const first = h.store.findRedemptionByCode(
      h.store.listRedemptions(['completed', 'reported'])[0]?.codeHash ?? '',
    );
    expect(first?.owed).toBe(2);
    h.board.dispensed.length = 0;
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'success', dispensed: 2, of: 2, owed: 0 },
    });
    expect(h.board.dispensed).toHaveLength(2);
    expect(consumeCalls(h)).toBe(1);
    // Paid back: the code is used up now, and says so.
    await expect(h.core.submitCode(codes.three)).resolves.toEqual({
      ok: false,
      error: { code: 'code-used', triesLeft: 4 },
    });
    await h.core.flushOutbox(true);
    // One order for the code (the vendor has no call to amend it); the stock went down by all three.
    const parent = h.store
      .listRedemptions(['reported'])
      .find((r) => r.parentId === null && r.productId === 103);
    expect(ordersFor(parent?.tradeId ?? '')).toBe(1);
    expect(h.state.uploadedOrders().flat()).toHaveLength(1);
    expect(h.state.product(COLA.productId)?.stock).toBe(6);
    expect(h.store.listAudit(50).map((a) => a.kind)).toEqual(
      expect.arrayContaining(['owed.make-up', 'owed.paid']),
    );
  });

  it('pays back in parts when the make-up fails again, and never more than is owed', async () => {
    h = await startHarness();
    h.board.queue(failed);
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
      value: { outcome: 'failed', owed: 3 },
    });
    h.board.queue({ outcome: 'success' }, failed);
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
      value: { outcome: 'partial', dispensed: 1, of: 3, owed: 2 },
    });
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({ value: { dispensed: 2, owed: 0 } });
    expect(h.board.dispensed.filter((d) => d.slot === COLA.slot)).toHaveLength(1 + 2 + 2);
    expect(consumeCalls(h)).toBe(1);
  });

  it('does not owe a unit whose outcome is unknown: it may have dropped', async () => {
    h = await startHarness();
    h.board.queue({ outcome: 'success' }, { outcome: 'unknown', reason: 'no answer after the write' });
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
      value: { outcome: 'attention', dispensed: 1, owed: 1 },
    });
  });

  it('takes a make-up unit left unknown off what is owed: it may have dropped, so it is never paid twice', async () => {
    h = await startHarness();
    h.board.queue(failed);
    await h.core.submitCode(codes.three);
    h.board.queue({ outcome: 'success' }, { outcome: 'unknown', reason: 'no answer after the write' });
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
      value: { outcome: 'attention', dispensed: 1, owed: 1 },
    });
    expect(h.store.listOwed(10)[0]?.owed).toBe(1);
  });

  it('dispenses what the slot holds of what is owed, and keeps the rest owed', async () => {
    h = await startHarness();
    h.board.queue(failed);
    await h.core.submitCode(codes.three);
    h.core.recordRestock(COLA.productId, 1);
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
      value: { dispensed: 1, of: 1, owed: 2 },
    });
    await expect(h.core.submitCode(codes.three)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-stock' },
    });
    h.core.recordRestock(COLA.productId, 5);
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({ value: { dispensed: 2, owed: 0 } });
  });

  it('refuses a make-up from a slot that is locked, and keeps what is owed', async () => {
    h = await startHarness();
    h.board.queue(failed);
    await h.core.submitCode(codes.three);
    h.store.lockSlot({
      addr: COLA.addr,
      slot: COLA.slot,
      kind: 'quarantine',
      reason: 'test',
      redemptionId: null,
      lockedAt: 0,
    });
    await expect(h.core.submitCode(codes.three)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
    expect(h.store.listOwed(10)[0]?.owed).toBe(3);
  });

  describe('from another slot holding the same good', () => {
    /** The demo machine with Cola in a second slot (board 1, slot 3), both slots under one good number. */
    const twoColaSlots = (): SimSeed => {
      const seed = demoSeed();
      return simSeedSchema.parse({
        ...seed,
        products: [
          ...seed.products.map((p) => (p.id === COLA.productId ? { ...p, goodNo: 'G-COLA' } : p)),
          {
            id: 107,
            name: 'Cola',
            price: '3.00',
            cabinet: 'A',
            addr: 1,
            slot: 3,
            stock: 4,
            capacity: 10,
            goodNo: 'G-COLA',
          },
        ],
      });
    };
    const lockCola = (): void => {
      h.store.lockSlot({
        addr: COLA.addr,
        slot: COLA.slot,
        kind: 'quarantine',
        reason: 'jammed',
        redemptionId: null,
        lockedAt: 0,
      });
    };

    it('pays the owed units from the other slot when the own slot is out, one consume in total', async () => {
      h = await startHarness({ slots: { owedFromOtherSlot: true } }, true, twoColaSlots());
      h.board.queue(failed);
      await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
        value: { outcome: 'failed', owed: 3 },
      });
      lockCola();
      h.board.dispensed.length = 0;
      await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
        ok: true,
        value: { outcome: 'success', dispensed: 3, of: 3, owed: 0 },
      });
      expect(h.board.dispensed.map((d) => d.slot)).toEqual([3, 3, 3]);
      expect(consumeCalls(h)).toBe(1);
      // The other slot's stock went down, the locked slot's did not.
      expect(h.store.getProduct(107)?.stock).toBe(1);
      expect(h.store.getProduct(COLA.productId)?.stock).toBe(9);
      const makeUp = h.store.listRedemptions(['completed', 'reported']).find((r) => r.parentId !== null);
      expect(makeUp).toMatchObject({ productId: 107, slot: 3, price: '3.00' });
    });

    it('stays on the own slot when it can serve, and never crosses without the setting', async () => {
      h = await startHarness({ slots: { owedFromOtherSlot: true } }, true, twoColaSlots());
      h.board.queue(failed);
      await h.core.submitCode(codes.three);
      h.board.dispensed.length = 0;
      await h.core.submitCode(codes.three);
      expect(h.board.dispensed.map((d) => d.slot)).toEqual([COLA.slot, COLA.slot, COLA.slot]);
      await h.core.stop();
      h.store.close();

      h = await startHarness({}, true, twoColaSlots());
      h.board.queue(failed);
      await h.core.submitCode(codes.three);
      lockCola();
      await expect(h.core.submitCode(codes.three)).resolves.toEqual({
        ok: false,
        error: { code: 'out-of-service' },
      });
      expect(h.store.listOwed(10)[0]?.owed).toBe(3);
    });

    it('skips another slot that is locked or empty', async () => {
      h = await startHarness({ slots: { owedFromOtherSlot: true } }, true, twoColaSlots());
      h.board.queue(failed);
      await h.core.submitCode(codes.three);
      lockCola();
      h.store.lockSlot({
        addr: 1,
        slot: 3,
        kind: 'unknown',
        reason: 'no answer',
        redemptionId: null,
        lockedAt: 0,
      });
      await expect(h.core.submitCode(codes.three)).resolves.toEqual({
        ok: false,
        error: { code: 'out-of-service' },
      });
      h.core.clearSlotLock(1, 3);
      h.core.recordRestock(107, 0);
      await expect(h.core.submitCode(codes.three)).resolves.toEqual({
        ok: false,
        error: { code: 'out-of-service' },
      });
      expect(h.store.listOwed(10)[0]?.owed).toBe(3);
    });
  });

  it('finishes a make-up cut short by a crash after restart, paying back once', async () => {
    h = await startHarness();
    h.board.queue(failed);
    await h.core.submitCode(codes.three);
    // The make-up's second unit is running when the kiosk dies; the board finished it.
    let units = 0;
    h.board.onDispense = () => {
      units++;
      if (units === 2) throw new Error('crash mid-dispense');
    };
    await expect(h.core.submitCode(codes.three)).rejects.toThrow('crash mid-dispense');
    h.board.onDispense = null;
    h.board.assessment = { outcome: 'success' };
    const restarted = await h.restart();
    try {
      // Recovery settled the running unit from the board and dispensed the last one: all three paid back, once.
      expect(h.store.listOwed(10)).toEqual([]);
      expect(h.board.assessed).toHaveLength(1);
      // The first attempt (failed), the make-up's two before the crash, the last one after: four commands.
      expect(h.board.dispensed.filter((d) => d.slot === COLA.slot)).toHaveLength(4);
      await expect(restarted.submitCode(codes.three)).resolves.toEqual({
        ok: false,
        error: { code: 'code-used', triesLeft: 4 },
      });
      expect(consumeCalls(h)).toBe(1);
    } finally {
      await restarted.stop();
    }
  });
});
