import { afterEach, describe, expect, it } from 'vitest';
import type { KioskState } from '../../../../electron/contract/schemas';
import type { KioskCore } from '../../../../electron/core/create-kiosk-core';
import { SERVICE_META_KEY } from '../../../../electron/core/operator/service-switch';
import { codes, consumeCalls, startHarness, type Harness } from '../redemption/harness';

let h: Harness;
let restarted: KioskCore | null = null;
afterEach(async () => {
  await restarted?.stop();
  restarted = null;
  await h.core.stop();
  h.store.close();
});

const audits = (kind: string) =>
  h.store
    .listAudit(100)
    .filter((a) => a.kind === kind)
    .map((a) => JSON.parse(a.detail) as Record<string, unknown>);

/** A pickup whose drop nobody could confirm: flagged for an operator, its slot locked. */
const flaggedPickup = async (): Promise<string> => {
  h.board.queue({ outcome: 'unknown', reason: 'drop not confirmed' });
  const answer = await h.core.submitCode(codes.one);
  if (!answer.ok) throw new Error('the pickup was refused');
  return answer.value.redemptionId;
};

describe('out of service and back', () => {
  it('refuses codes before any consume, shows out-of-service, and survives a restart until put back', async () => {
    h = await startHarness();
    const seen: KioskState[] = [];
    h.core.on('state', (s) => seen.push(s));
    expect(h.core.operator.setInService(false, 'maintenance')).toMatchObject({
      inService: false,
      by: 'maintenance',
      since: h.clock.now(),
    });
    expect(seen.at(-1)?.phase).toBe('out-of-service');
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
    expect(consumeCalls(h)).toBe(0);
    expect(h.state.codes().find((c) => c.code === codes.one)?.status).toBe('UNUSED');

    await h.core.stop();
    restarted = await h.restart();
    expect(restarted.getState().phase).toBe('out-of-service');
    expect(restarted.operator.service()).toMatchObject({ inService: false, by: 'maintenance' });
    await expect(restarted.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
    // An operator can still test a slot while customers are kept away.
    await expect(restarted.operator.testDispense(1, 1, 'maintenance')).resolves.toMatchObject({ ok: true });

    expect(restarted.operator.setInService(true, 'kioskctl').inService).toBe(true);
    expect(restarted.getState().phase).toBe('ready');
    await expect(restarted.submitCode(codes.one)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'success' },
    });
    expect(audits('service.off')).toEqual([{ by: 'maintenance' }]);
    expect(audits('service.on')).toEqual([{ by: 'kioskctl' }]);
  });

  it('changes nothing when asked for the state it is in', async () => {
    h = await startHarness();
    expect(h.core.operator.setInService(true, 'maintenance').inService).toBe(true);
    expect(audits('service.on')).toEqual([]);
    expect(h.store.getMeta(SERVICE_META_KEY)).toBeNull();
  });

  it('keeps the machine out of service when the stored switch cannot be read', async () => {
    h = await startHarness({}, false);
    h.store.setMeta(SERVICE_META_KEY, '{not json');
    restarted = await h.restart();
    expect(restarted.getState().phase).toBe('out-of-service');
    expect(h.logger.has('service.state-unreadable')).toBe(true);
  });
});

describe('resolving an attention item', () => {
  it('clears the flag with the note, keeps the history, and leaves the slot lock alone', async () => {
    h = await startHarness();
    const id = await flaggedPickup();
    expect(h.core.diagnostics().needsAttention.map((r) => r.id)).toEqual([id]);
    const before = h.store.getRedemption(id)?.note;
    expect(h.core.operator.resolveAttention(id, '  checked: item was in the tray  ', 'maintenance')).toEqual({
      ok: true,
      value: { redemptionId: id, note: `${before}; resolved: checked: item was in the tray` },
    });
    expect(h.core.diagnostics().needsAttention).toEqual([]);
    expect(h.store.getRedemption(id)).toMatchObject({ attention: false });
    expect(audits('attention.resolved')).toEqual([
      { redemption: id, was: before, note: 'checked: item was in the tray', by: 'maintenance' },
    ]);
    expect(h.core.diagnostics().slotLocks).toHaveLength(1);
  });

  it('refuses an unknown redemption, one not flagged, and a note that is empty, too long or has control characters', async () => {
    h = await startHarness();
    const id = await flaggedPickup();
    const resolve = (rid: string, note: string) => h.core.operator.resolveAttention(rid, note, 'kioskctl');
    expect(resolve('000000000000000000000000', 'ok')).toEqual({ ok: false, error: 'not-found' });
    expect(resolve(id, '   ')).toEqual({ ok: false, error: 'bad-note' });
    expect(resolve(id, 'x'.repeat(201))).toEqual({ ok: false, error: 'bad-note' });
    expect(resolve(id, 'fine\nforged: line')).toEqual({ ok: false, error: 'bad-note' });
    expect(resolve(id, 'ok').ok).toBe(true);
    expect(resolve(id, 'again')).toEqual({ ok: false, error: 'not-flagged' });
    expect(audits('attention.resolved')).toHaveLength(1);
  });
});

describe('restock from the operator view', () => {
  it('lists the slots with stock and locks, and a restock count replaces the figure for the next report', async () => {
    h = await startHarness();
    await flaggedPickup();
    const water = h.core.operator.view().slots.find((s) => s.productId === 101);
    expect(water).toEqual({
      productId: 101,
      name: 'Sparkling Water',
      slotName: 'A01',
      addr: 1,
      slot: 0,
      stock: 8,
      capacity: 10,
      locked: true,
    });
    expect(h.core.recordRestock(101, 10)).toEqual({ ok: true, value: { productId: 101, from: 8, to: 10 } });
    expect(h.core.operator.view().slots.find((s) => s.productId === 101)?.stock).toBe(10);
    expect(h.core.recordRestock(101, 11)).toEqual({ ok: false, error: 'out-of-range' });
    expect(h.store.pendingStock()).toEqual([
      expect.objectContaining({ productId: 101, changes: [{ setTo: 10 }] }),
    ]);
  });
});
