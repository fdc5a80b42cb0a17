import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKiosk, type KioskStart } from '../../../electron/main/start-kiosk';
import { demoMaintenancePin } from '../../../electron/runtime/demo-config';
import { FakeSafeStorage } from '../../fakes/fake-safe-storage';
import { MemoryLogger } from '../../fakes/memory-logger';

const dirs: string[] = [];
let started: KioskStart | null = null;
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-start-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  if (started?.kind === 'running') await started.runtime.stop();
  started = null;
  dirs.splice(0).forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  });
});

describe('starting the kiosk', () => {
  it('runs the labelled demo on the simulators when there is no configuration anywhere', async () => {
    const logger = new MemoryLogger();
    started = await startKiosk({
      resourcesDir: tempDir(),
      overrideDir: tempDir(),
      userDataDir: tempDir(),
      safeStorage: new FakeSafeStorage(),
      logger,
    });
    expect(started.kind).toBe('running');
    if (started.kind !== 'running') return;
    // Decided, wired, not yet started: the window can already show its "starting" state.
    await expect(started.handlers.getState({})).resolves.toMatchObject({
      ok: true,
      value: { mode: 'demo', phase: 'starting', startupStep: 'board' },
    });
    await expect(started.handlers.submitCode({ code: '12345678' })).resolves.toEqual({
      ok: false,
      error: { code: 'busy' },
    });
    await started.runtime.start();
    const state = await started.handlers.getState({});
    expect(state).toMatchObject({ ok: true, value: { mode: 'demo', phase: 'ready' } });
    const demoCodes = state.ok ? state.value.demoCodes : [];
    expect(demoCodes.length).toBeGreaterThan(2);
    await expect(started.handlers.submitCode({ code: demoCodes[0]! })).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'success' },
    });
    expect(logger.has('config.none')).toBe(true);
  }, 20_000);

  it("opens the demo's maintenance screen with the PIN the README gives", async () => {
    started = await startKiosk({
      resourcesDir: tempDir(),
      overrideDir: tempDir(),
      userDataDir: tempDir(),
      safeStorage: new FakeSafeStorage(),
      logger: new MemoryLogger(),
    });
    if (started.kind !== 'running') throw new Error('the demo did not run');
    await started.runtime.start();
    expect(await started.handlers.maintenanceOpen({ pin: '000000' })).toEqual({
      ok: false,
      error: { code: 'pin-wrong' },
    });
    await expect(started.handlers.maintenanceOpen({ pin: demoMaintenancePin })).resolves.toMatchObject({
      ok: true,
      value: { credentialStore: { state: 'not-used' }, board: 'connected' },
    });
    expect(demoMaintenancePin).toBe('246810');
    expect(readFileSync('README.md', 'utf8')).toContain(`PIN is \`${demoMaintenancePin}\``);
  }, 20_000);

  it('shows out-of-service, not the demo, when the machine configuration is invalid', async () => {
    const resources = tempDir();
    writeFileSync(join(resources, 'machine.json'), JSON.stringify({ machineNo: '123' }));
    const logger = new MemoryLogger();
    started = await startKiosk({
      resourcesDir: resources,
      overrideDir: tempDir(),
      userDataDir: tempDir(),
      safeStorage: new FakeSafeStorage(),
      logger,
    });
    expect(started.kind).toBe('out-of-service');
    await expect(started.handlers.getState({})).resolves.toMatchObject({
      ok: true,
      value: { phase: 'out-of-service' },
    });
    expect(logger.lines.filter((l) => l.event === 'config.invalid').length).toBeGreaterThan(0);
  });

  it('shows out-of-service when a configured machine has no credentials', async () => {
    const resources = tempDir();
    copyFileSync('build/machines/example.json', join(resources, 'machine.json'));
    started = await startKiosk({
      resourcesDir: resources,
      overrideDir: tempDir(),
      userDataDir: tempDir(),
      safeStorage: new FakeSafeStorage(),
      logger: new MemoryLogger(),
    });
    expect(started.kind).toBe('out-of-service');
    if (started.kind === 'out-of-service') expect(started.reason).toMatch(/credentials/);
    await expect(started.handlers.submitCode({ code: '12345678' })).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
  });

  it('refuses the weak plaintext key store unless the configuration allows it', async () => {
    const resources = tempDir();
    copyFileSync('build/machines/example.json', join(resources, 'machine.json'));
    started = await startKiosk({
      resourcesDir: resources,
      overrideDir: tempDir(),
      userDataDir: tempDir(),
      safeStorage: new FakeSafeStorage('basic_text'),
      logger: new MemoryLogger(),
    });
    expect(started.kind === 'out-of-service' ? started.reason : '').toMatch(/basic_text|keyring/);
  });
});
