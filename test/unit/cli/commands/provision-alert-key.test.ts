import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { parseProvisioning } from '../../../../electron/core/credentials/provisioning-file';
import { captureCliIo } from '../../../fakes/capture-cli-io';

const env = { KIOSK_APPID: 'test-appid', KIOSK_APPSECRET: 'test-secret', KIOSK_APPKEY: 'TESTKEY' };
const alertKey = 'test-alert-key-0123456789';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-provision-alert-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kioskctl provision with an alert key', () => {
  it('writes $KIOSK_ALERTKEY into the file as alertKey and never prints it', async () => {
    const io = captureCliIo({ cwd: dir, env: { ...env, KIOSK_ALERTKEY: alertKey } });
    expect(await runCli(['provision', '--machine-no', '12345678', '--out', 'p.json'], io)).toBe(0);
    const parsed = parseProvisioning(await readFile(join(dir, 'p.json'), 'utf8'));
    expect(parsed.ok && parsed.value.credentials.alertKey).toBe(alertKey);
    expect(io.stdout[0]).toMatch(/with an alert key$/);
    expect(io.all()).not.toContain(alertKey);
  });

  it('refuses a key too short, naming the variable only', async () => {
    const io = captureCliIo({ cwd: dir, env: { ...env, KIOSK_ALERTKEY: 'tiny-key' } });
    expect(await runCli(['provision', '--machine-no', '12345678', '--out', 'p.json'], io)).toBe(1);
    expect(io.stderr).toEqual([
      'provision: $KIOSK_ALERTKEY must be 16–256 printable characters without spaces',
    ]);
    expect(io.all()).not.toContain('tiny-key');
  });
});
