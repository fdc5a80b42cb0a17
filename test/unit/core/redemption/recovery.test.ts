import { afterEach, describe, expect, it } from 'vitest';
import type { KioskCore } from '../../../../electron/core/create-kiosk-core';
import { codes, consumeCalls, startHarness, type Harness } from './harness';

let h: Harness;
let restarted: KioskCore | null = null;
afterEach(async () => {
  await restarted?.stop();
  // A core a test "crashed" (left inside a call the manual clock never finishes) is dead, as after a real crash:
  // its stop would wait for that call for ever. Only a core that was not replaced is stopped.
  if (restarted === null) await h.core.stop();
  restarted = null;
  h.store.close();
});

/** Leaves the journal as a crash at the given point would: the board's dispense never returns. */
const crashDuringDispense = async (h: Harness, code: string, atUnit = 1): Promise<string> => {
  let calls = 0;
  h.board.onDispense = () => {
    calls++;
    if (calls === atUnit) throw new Error('power cut');
  };
  await expect(h.core.submitCode(code)).rejects.toThrow('power cut');
  h.board.onDispense = null;
  const [open] = h.store.listRedemptions(['dispensing']);
  return open!.id;
};

describe('crash recovery', () => {
  it('settles an interrupted unit from the board status, never by sending the dispense again', async () => {
    h = await startHarness();
    const id = await crashDuringDispense(h, codes.one);
    expect(h.store.listUnits(id).map((u) => u.state)).toEqual(['intent']);
    h.board.assessment = { outcome: 'success' };
    restarted = await h.restart();
    expect(h.board.dispensed).toHaveLength(1);
    expect(h.board.assessed).toHaveLength(1);
    expect(h.store.getRedemption(id)?.state).toBe('completed');
    expect(h.store.listUnits(id).map((u) => u.state)).toEqual(['success']);
  });

  it('tells the board what the journal knows: acknowledged or not, across a power cut or not', async () => {
    h = await startHarness();
    await crashDuringDispense(h, codes.one);
    h.board.assessment = { outcome: 'success' };
    restarted = await h.restart();
    await restarted.stop();
    h.board.acknowledges = false;
    await crashDuringDispense(h, codes.two);
    restarted = await h.restartAfterPowerCut();
    expect(h.board.contexts).toEqual([
      { accepted: true, machineRestarted: false },
      { accepted: false, machineRestarted: true },
    ]);
    const assessed = h.store.listAudit(50).filter((a) => a.kind === 'unit.assessed');
    expect(assessed.map((a) => JSON.parse(a.detail) as { accepted: boolean })).toEqual([
      expect.objectContaining({ accepted: false, outcome: 'success' }),
      expect.objectContaining({ accepted: true, outcome: 'success' }),
    ]);
  });

  it('locks the slot when the board cannot tell, and needs an operator', async () => {
    h = await startHarness();
    const id = await crashDuringDispense(h, codes.one);
    h.board.assessment = { outcome: 'unknown', reason: 'board busy after restart' };
    restarted = await h.restart();
    expect(h.board.dispensed).toHaveLength(1);
    expect(h.store.getRedemption(id)).toMatchObject({ state: 'completed', attention: true });
    expect(restarted.diagnostics().slotLocks).toHaveLength(1);
  });

  it('finishes the remaining units after a crash in the middle of a quantity of 3', async () => {
    h = await startHarness();
    const id = await crashDuringDispense(h, codes.three, 2);
    h.board.assessment = { outcome: 'success' };
    restarted = await h.restart();
    expect(h.board.dispensed).toHaveLength(3);
    expect(h.store.listUnits(id).map((u) => u.state)).toEqual(['success', 'success', 'success']);
  });

  it('retries a consume left in flight with the same trade id, then dispenses', async () => {
    h = await startHarness();
    h.cloud.latencyMs = 5000;
    void h.core.submitCode(codes.one).catch(() => undefined);
    await h.clock.advance(1);
    const [inFlight] = h.store.listRedemptions(['consuming']);
    expect(inFlight?.pendingCode).toBe(codes.one);
    h.cloud.latencyMs = 0;
    restarted = await h.restart();
    const tradeIds = h.cloud.calls
      .filter((c) => c.call === 'consume')
      .map((c) => (c.arg as { tradeId: string }).tradeId);
    expect(new Set(tradeIds)).toEqual(new Set([inFlight!.tradeId]));
    expect(h.store.getRedemption(inFlight!.id)).toMatchObject({ state: 'completed', pendingCode: null });
    expect(h.state.orders()).toHaveLength(1);
    expect(h.board.dispensed).toHaveLength(1);
  });

  it('leaves an interrupted consume abandoned when the cloud is still down, and dispenses nothing', async () => {
    h = await startHarness();
    h.cloud.latencyMs = 5000;
    void h.core.submitCode(codes.one).catch(() => undefined);
    await h.clock.advance(1);
    h.cloud.latencyMs = 0;
    h.cloud.failNext('network', 'consume');
    restarted = await h.restart();
    expect(h.store.listRedemptions(['abandoned'])).toHaveLength(1);
    expect(h.board.dispensed).toEqual([]);
    expect(consumeCalls(h)).toBe(2);
  });
});
