import { afterEach, describe, expect, it } from 'vitest';
import type { KioskState } from '../../../electron/contract/schemas';
import type { KioskCore } from '../../../electron/core/create-kiosk-core';
import { codes, startHarness, type Harness } from './redemption/harness';

let h: Harness;
let restarted: KioskCore | null = null;
afterEach(async () => {
  await restarted?.stop();
  restarted = null;
  await h.core.stop();
  h.store.close();
});

const steps = (states: KioskState[]): string[] => states.map((s) => s.startupStep ?? s.phase);

describe('kiosk core start and stop', () => {
  it('publishes each start step, and fills an empty cache before it is ready', async () => {
    h = await startHarness({}, false);
    const seen: KioskState[] = [];
    h.core.on('state', (s) => seen.push(s));
    h.cloud.latencyMs = 1000;
    let boardWaited = false;
    const started = h.core.start({
      awaitBoard: () => {
        boardWaited = true;
        return Promise.resolve();
      },
    });
    await h.clock.advance(1);
    expect(boardWaited).toBe(true);
    expect(h.core.getState()).toMatchObject({ phase: 'starting', startupStep: 'codes' });
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({ ok: false, error: { code: 'busy' } });
    await h.clock.advance(5000);
    await started;
    expect(steps(seen)).toEqual(['board', 'recovery', 'codes', 'ready']);
    expect(h.core.getState().startupStep).toBeUndefined();
  });

  it('with a cache filled on an earlier run, is ready at once and refreshes behind the customer', async () => {
    h = await startHarness();
    h.cloud.latencyMs = 60_000;
    restarted = await h.restart();
    expect(restarted.getState().phase).toBe('ready');
    // The earlier cache serves the code while the slow refresh is still out.
    h.cloud.latencyMs = 0;
    const answer = restarted.submitCode(codes.one);
    await h.clock.advance(10);
    await expect(answer).resolves.toMatchObject({ ok: true, value: { outcome: 'success' } });
    await h.clock.advance(60_000);
  });

  it('stop() lets a pickup in progress finish, and refuses codes from then on', async () => {
    h = await startHarness();
    h.cloud.latencyMs = 2000;
    const answer = h.core.submitCode(codes.one);
    await h.clock.advance(1);
    let stopped = false;
    const stopping = h.core.stop().then(() => (stopped = true));
    await expect(h.core.submitCode(codes.two)).resolves.toEqual({ ok: false, error: { code: 'busy' } });
    await h.clock.advance(1000);
    expect(stopped).toBe(false);
    await h.clock.advance(5000);
    await stopping;
    await expect(answer).resolves.toMatchObject({ ok: true, value: { outcome: 'success' } });
    expect(h.board.dispensed).toHaveLength(1);
  });
});
