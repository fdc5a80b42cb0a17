import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../../../electron/core/security/pin-hash';
import { startKiosk } from '../../../../electron/main/start-kiosk';
import { FakeSafeStorage } from '../../../fakes/fake-safe-storage';
import { MemoryLogger } from '../../../fakes/memory-logger';

const PIN = '135790';
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-maint-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  dirs.splice(0).forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  });
});

/** The example machine with a maintenance PIN set, as `kioskctl pin hash` would print it. */
const resourcesWithPin = (pinHash: string | null): string => {
  const resources = tempDir();
  const example = JSON.parse(readFileSync('build/machines/example.json', 'utf8')) as Record<string, unknown>;
  writeFileSync(join(resources, 'machine.json'), JSON.stringify({ ...example, maintenance: { pinHash } }));
  return resources;
};

describe('maintenance on the out-of-service screen', () => {
  it('opens with the configured PIN and says why the kiosk is out of service', async () => {
    const logger = new MemoryLogger();
    const started = await startKiosk({
      resourcesDir: resourcesWithPin(hashPin(PIN, Buffer.alloc(16, 3))),
      overrideDir: tempDir(),
      userDataDir: tempDir(),
      safeStorage: new FakeSafeStorage('basic_text'),
      logger,
      appVersion: '9.8.7',
    });
    expect(started.kind).toBe('out-of-service');
    await expect(started.handlers.maintenanceStatus({})).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await started.handlers.maintenanceOpen({ pin: '000000' })).toEqual({
      ok: false,
      error: { code: 'pin-wrong' },
    });

    const opened = await started.handlers.maintenanceOpen({ pin: PIN });
    expect(opened).toMatchObject({
      ok: true,
      value: {
        machineNo: '12345678',
        version: '9.8.7',
        phase: 'out-of-service',
        outOfServiceReason: expect.stringMatching(/^credentials: refused: no desktop keyring/) as string,
        credentialStore: { state: 'refused-weak' },
        diagnostics: null,
      },
    });
    expect(logger.has('maintenance.opened')).toBe(true);
    expect(logger.has('maintenance.pin-wrong')).toBe(true);
  });

  it('stays disabled when the configuration sets no PIN hash', async () => {
    const started = await startKiosk({
      resourcesDir: resourcesWithPin(null),
      overrideDir: tempDir(),
      userDataDir: tempDir(),
      safeStorage: new FakeSafeStorage(),
      logger: new MemoryLogger(),
    });
    expect(started.kind).toBe('out-of-service');
    await expect(started.handlers.maintenanceOpen({ pin: PIN })).resolves.toEqual({
      ok: false,
      error: { code: 'maintenance-disabled' },
    });
  });
});
