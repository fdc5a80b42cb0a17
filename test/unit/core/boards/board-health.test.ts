import { afterEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../../electron/contract/result';
import { codes, consumeCalls, startHarness, type Harness } from '../redemption/harness';

let h: Harness;
afterEach(async () => {
  await h.core.stop();
  h.store.close();
});

const silent = err({ code: 'timeout' as const, message: 'no reply within 300 ms' });

describe('start-up check of every board', () => {
  it('a dead board 2 leaves board 1 serving, and board 2 serves again once it answers', async () => {
    h = await startHarness({}, false);
    h.board.hardware.set(2, silent);
    await h.core.start();
    expect(h.core.diagnostics().boardsOut).toEqual([
      { addr: 2, kind: 'down', reason: 'board 2 does not answer (no reply within 300 ms)' },
    ]);
    await expect(h.core.submitCode(codes.boardTwo)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
    expect(consumeCalls(h)).toBe(0);
    await expect(h.core.submitCode(codes.one)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'success' },
    });
    h.board.hardware.delete(2);
    await h.clock.advance(60_000);
    expect(h.core.diagnostics().boardsOut).toEqual([]);
    await expect(h.core.submitCode(codes.boardTwo)).resolves.toMatchObject({ ok: true });
    expect(h.store.listAudit(50).map((a) => a.kind)).toEqual(
      expect.arrayContaining(['board.out', 'board.back']),
    );
  });

  it('takes out a board whose hardware differs from the configuration, and keeps it out', async () => {
    h = await startHarness({}, false);
    // Board 1 is configured with a drop sensor; this one reports none.
    h.board.hardware.set(1, ok({ rows: 10, columns: 10, flags: 0 }));
    await h.core.start();
    expect(h.core.diagnostics().boardsOut).toEqual([
      {
        addr: 1,
        kind: 'mismatch',
        reason: 'board 1: configured with a drop sensor, but the board reports none',
      },
    ]);
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
    await h.clock.advance(120_000);
    expect(h.core.diagnostics().boardsOut).toHaveLength(1);
    await expect(h.core.submitCode(codes.boardTwo)).resolves.toMatchObject({ ok: true });
  });

  it('takes out a board with a lift the configuration does not have, and one missing a configured lift', async () => {
    h = await startHarness(
      {
        boards: [
          { addr: 1, defaultSlotType: 1, dropSensor: true },
          { addr: 2, defaultSlotType: 3, lift: true },
        ],
      },
      false,
    );
    h.board.hardware.set(1, ok({ rows: 10, columns: 10, flags: 0x3 }));
    h.board.hardware.set(2, ok({ rows: 10, columns: 10, flags: 0x1 }));
    await h.core.start();
    expect(h.core.diagnostics().boardsOut.map((b) => b.reason)).toEqual([
      'board 1: the board reports a lift the configuration does not have',
      'board 2: configured with a lift, but the board reports none',
    ]);
  });

  it('does not mind a drop sensor the configuration does not use', async () => {
    h = await startHarness({}, false);
    h.board.hardware.set(2, ok({ rows: 10, columns: 10, flags: 0x1 }));
    await h.core.start();
    expect(h.core.diagnostics().boardsOut).toEqual([]);
  });
});
