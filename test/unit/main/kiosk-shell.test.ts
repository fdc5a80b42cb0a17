import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskState } from '../../../electron/contract/schemas';
import { bootState, createKioskShell } from '../../../electron/main/kiosk-shell';
import { startKiosk } from '../../../electron/main/start-kiosk';
import { FakeSafeStorage } from '../../fakes/fake-safe-storage';
import { MemoryLogger } from '../../fakes/memory-logger';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-shell-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  dirs.splice(0).forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  });
});

/** The window's webContents as far as events go: what was sent, in order. */
const sink = () => {
  const sent: [string, unknown][] = [];
  return {
    sent,
    send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    isDestroyed: () => false,
  };
};
const states = (s: ReturnType<typeof sink>): KioskState[] =>
  s.sent.filter(([c]) => c === 'kiosk:event:state').map(([, p]) => p as KioskState);

const demoStart = (logger: MemoryLogger) => () =>
  startKiosk({
    resourcesDir: tempDir(),
    overrideDir: tempDir(),
    userDataDir: tempDir(),
    safeStorage: new FakeSafeStorage(),
    logger,
  });

describe('kiosk shell (window first)', () => {
  it('answers "starting" before any start has run, and refuses codes as busy', async () => {
    const shell = createKioskShell(new MemoryLogger());
    await expect(shell.handlers.getState({})).resolves.toEqual({ ok: true, value: bootState });
    await expect(shell.handlers.submitCode({ code: '12345678' })).resolves.toEqual({
      ok: false,
      error: { code: 'busy' },
    });
    await expect(shell.handlers.maintenanceOpen({ pin: '246810' })).resolves.toEqual({
      ok: false,
      error: { code: 'maintenance-disabled' },
    });
    await shell.stop();
  });

  it('shows every start step on the window, then ready, and then serves the core through the same handlers', async () => {
    const logger = new MemoryLogger();
    const shell = createKioskShell(logger);
    const window = sink();
    shell.attach(window);
    await expect(shell.boot(demoStart(logger))).resolves.toBe('running');
    const seen = states(window);
    expect(seen[0]).toEqual(bootState);
    expect(seen.map((s) => s.startupStep ?? s.phase)).toEqual(
      expect.arrayContaining(['configuration', 'board', 'recovery', 'codes', 'ready']),
    );
    const order = seen.map((s) => s.startupStep ?? s.phase);
    expect(order.indexOf('board')).toBeLessThan(order.indexOf('recovery'));
    expect(order.indexOf('recovery')).toBeLessThan(order.indexOf('codes'));
    expect(order.at(-1)).toBe('ready');
    const state = await shell.handlers.getState({});
    expect(state).toMatchObject({ ok: true, value: { mode: 'demo', phase: 'ready' } });
    const code = state.ok ? state.value.demoCodes[0] : undefined;
    await expect(shell.handlers.submitCode({ code: code ?? '' })).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'success' },
    });
    expect(window.sent.some(([c]) => c === 'kiosk:event:progress')).toBe(true);
    await shell.stop();
    await shell.stop();
  }, 20_000);

  it('turns a start that throws into an out-of-service screen, logged, instead of "starting" forever', async () => {
    const logger = new MemoryLogger();
    const shell = createKioskShell(logger);
    const window = sink();
    shell.attach(window);
    await expect(shell.boot(() => Promise.reject(new RangeError('disk I/O error')))).resolves.toBe(
      'out-of-service',
    );
    expect(states(window).at(-1)).toMatchObject({ phase: 'out-of-service' });
    expect(logger.lines.find((l) => l.event === 'app.start-failed')?.fields).toEqual({ error: 'RangeError' });
    await shell.stop();
  });

  it('a stop during the start decision waits for it, stops the runtime, and never starts it', async () => {
    const logger = new MemoryLogger();
    const shell = createKioskShell(logger);
    const booted = shell.boot(demoStart(logger));
    const stopped = shell.stop();
    await expect(booted).resolves.toBe('running');
    await stopped;
    expect(logger.has('core.ready')).toBe(false);
  }, 20_000);
});
