import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendControlRequest } from '../../../electron/adapters/control-client';
import { controlEndpoint } from '../../../electron/adapters/control-endpoint';
import { startKiosk, type KioskStart } from '../../../electron/main/start-kiosk';
import { FakeSafeStorage } from '../../fakes/fake-safe-storage';
import { MemoryLogger } from '../../fakes/memory-logger';

const dirs: string[] = [];
let started: KioskStart | null = null;
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-control-start-'));
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

const start = (userDataDir: string, logger = new MemoryLogger()) =>
  startKiosk({
    resourcesDir: tempDir(),
    overrideDir: tempDir(),
    userDataDir,
    safeStorage: new FakeSafeStorage(),
    logger,
    controlChannel: true,
  });

describe('the control channel of a started kiosk', () => {
  it('answers from the moment the runtime exists, and is gone once it stops', async () => {
    const userData = tempDir();
    started = await start(userData);
    if (started.kind !== 'running') throw new Error('the demo did not run');
    const endpoint = controlEndpoint(userData);
    await expect(sendControlRequest(endpoint, { command: 'status' }, 5000)).resolves.toMatchObject({
      ok: true,
      value: { ok: true, value: { phase: 'starting', mode: 'demo' } },
    });
    // Still starting: a test would run before recovery has settled the journal, so it is refused.
    await expect(
      sendControlRequest(endpoint, { command: 'test-dispense', addr: 1, slot: 0 }, 5000),
    ).resolves.toMatchObject({ ok: true, value: { ok: false, error: { code: 'busy' } } });
    await started.runtime.stop();
    started = null;
    expect(existsSync(endpoint)).toBe(false);
    await expect(sendControlRequest(endpoint, { command: 'status' }, 5000)).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-running' },
    });
  }, 20_000);

  it('starts without the channel, and says why, when its path is not a socket', async () => {
    const userData = tempDir();
    mkdirSync(join(userData, 'control'), { recursive: true });
    writeFileSync(controlEndpoint(userData), 'not a socket');
    const logger = new MemoryLogger();
    started = await start(userData, logger);
    expect(started.kind).toBe('running');
    expect(logger.lines.find((l) => l.event === 'kioskctl.unavailable')?.fields).toMatchObject({
      error: expect.stringContaining('is not a socket') as unknown,
    });
  }, 20_000);
});
