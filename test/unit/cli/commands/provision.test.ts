import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { parseProvisioning } from '../../../../electron/core/credentials/provisioning-file';
import { captureCliIo } from '../../../fakes/capture-cli-io';

const env = { KIOSK_APPID: 'test-appid', KIOSK_APPSECRET: 'test-secret', KIOSK_APPKEY: 'TESTKEY' };
const SECRETS = Object.values(env);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-provision-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kioskctl provision', () => {
  it('writes an owner-only provisioning file from the environment', async () => {
    const io = captureCliIo({ cwd: dir, env });
    expect(
      await runCli(['provision', '--machine-no', '12345678', '--out', 'm/12345678.provision.json'], io),
    ).toBe(0);
    const path = join(dir, 'm/12345678.provision.json');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(parseProvisioning(await readFile(path, 'utf8'))).toEqual({
      ok: true,
      value: {
        machineNo: '12345678',
        credentials: { appId: 'test-appid', appSecret: 'test-secret', appKey: 'TESTKEY' },
      },
    });
    for (const secret of SECRETS) expect(io.all()).not.toContain(secret);
  });

  it('names missing variables, never values', async () => {
    const io = captureCliIo({ cwd: dir, env: { KIOSK_APPID: 'test-appid', KIOSK_APPKEY: 'TEST KEY' } });
    expect(await runCli(['provision', '--machine-no', '12345678', '--out', 'p.json'], io)).toBe(1);
    expect(io.stderr).toEqual([
      'provision: $KIOSK_APPSECRET is missing',
      'provision: $KIOSK_APPKEY must be 1–256 printable characters without spaces',
    ]);
    expect(io.all()).not.toContain('TEST KEY');
  });

  it('does not overwrite an existing file unless --force, and then keeps it owner-only', async () => {
    const path = join(dir, 'p.json');
    await writeFile(path, 'old', { mode: 0o644 });
    const io = captureCliIo({ cwd: dir, env });
    expect(await runCli(['provision', '--machine-no', '12345678', '--out', 'p.json'], io)).toBe(1);
    expect(io.stderr[0]).toBe(`provision: ${path} already exists (use --force to replace it)`);
    expect(
      await runCli(
        ['provision', '--machine-no', '12345678', '--out', 'p.json', '--force'],
        captureCliIo({ cwd: dir, env }),
      ),
    ).toBe(0);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('refuses to write credentials inside a git repository', async () => {
    await mkdir(join(dir, 'repo/.git'), { recursive: true });
    const io = captureCliIo({ cwd: join(dir, 'repo'), env });
    expect(await runCli(['provision', '--machine-no', '12345678', '--out', 'secrets/p.json'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/refusing to write credentials inside the git repository/);
  });

  it.each([
    [['provision', '--out', 'p.json']],
    [['provision', '--machine-no', '1234', '--out', 'p.json']],
    [['provision', '--machine-no', '12345678', '--out', 'p.json', 'test-secret']],
    [['provision', '--machine-no', '12345678', '--out', 'p.json', '--appsecret', 'test-secret']],
  ])('usage error for %j', async (argv) => {
    const io = captureCliIo({ cwd: dir, env });
    expect(await runCli(argv, io)).toBe(2);
    expect(io.all()).not.toContain('test-secret');
  });
});
