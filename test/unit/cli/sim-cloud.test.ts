import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimCloud } from '../../../electron/cli/commands/sim-cloud';
import { runCli } from '../../../electron/cli/main';
import { demoSeed } from '../../../electron/sim/cloud/demo-seed';
import { captureCliIo } from '../../fakes/capture-cli-io';

const repoRoot = join(__dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'kioskctl-sim-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a command to completion as a real process; resolves its exit code and output. */
const runProcess = (cmd: string, args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env: { ...process.env, ...env } });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });

describe('kioskctl sim cloud', () => {
  it('runs in-process until told to stop, printing the URL, credentials to use and demo codes', async () => {
    const io = captureCliIo({ env: {} });
    let stop = (): void => undefined;
    const until = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = runSimCloud(['--port', '0'], io, until);
    await expect.poll(() => io.stdout.length).toBeGreaterThan(3);
    expect(io.stdout[0]).toMatch(
      /^sim cloud listening on http:\/\/127\.0\.0\.1:\d+ \(machine 12345678, 10 products\)$/,
    );
    expect(io.stdout[1]).toBe(
      'credentials (fake demo ones): export KIOSK_APPID=demo-appid KIOSK_APPSECRET=demo-secret KIOSK_APPKEY=DEMOKEY',
    );
    expect(io.stdout.some((l) => l.startsWith('code 11223344: 3 × Cola (A03)'))).toBe(true);
    stop();
    expect(await running).toBe(0);
    expect(io.stdout.at(-1)).toBe('sim cloud stopped');
  });

  it('uses credentials from the environment without printing them, and loads a seed file', async () => {
    const seed = { ...demoSeed(), machine: { ...demoSeed().machine, machineNo: '11112222' } };
    writeFileSync(join(dir, 'seed.json'), JSON.stringify(seed));
    const io = captureCliIo({
      cwd: dir,
      env: { KIOSK_APPID: 'test-appid', KIOSK_APPSECRET: 'test-secret', KIOSK_APPKEY: 'TESTKEY' },
    });
    const running = runSimCloud(['--seed', 'seed.json'], io, Promise.resolve());
    expect(await running).toBe(0);
    expect(io.stdout[0]).toMatch(/machine 11112222/);
    expect(io.stdout[1]).toBe('credentials: from KIOSK_APPID, KIOSK_APPSECRET, KIOSK_APPKEY');
    expect(io.all()).not.toMatch(/test-secret|TESTKEY/);
  });

  it('reports a bad seed file and bad flags', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"machine":{}}');
    const io = captureCliIo({ cwd: dir });
    expect(await runSimCloud(['--seed', 'bad.json'], io, Promise.resolve())).toBe(1);
    expect(io.stderr[0]).toMatch(/^sim cloud: seed .*bad.json is invalid: machine/);
    const usage = captureCliIo();
    expect(await runCli(['sim', 'cloud', '--port', '70000'], usage)).toBe(2);
    expect(await runCli(['sim', 'nope'], usage)).toBe(2);
    expect(usage.stderr.join('\n')).toMatch(/unknown simulator "nope"; one of: sim cloud/);
  });

  it('works as real processes: `sim cloud` started by hand, `cloud products` pointed at it', async () => {
    const sim = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/main.ts', 'sim', 'cloud', '--port', '0'],
      { cwd: repoRoot, env: { ...process.env, KIOSK_APPID: '', KIOSK_APPSECRET: '', KIOSK_APPKEY: '' } },
    );
    children.push(sim);
    const lines = createInterface({ input: sim.stdout });
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error('sim cloud did not start'));
      }, 20_000);
      lines.on('line', (line) => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const env = { KIOSK_APPID: 'demo-appid', KIOSK_APPSECRET: 'demo-secret', KIOSK_APPKEY: 'DEMOKEY' };
    const listed = await runProcess(
      'npx',
      ['tsx', 'electron/cli/main.ts', 'cloud', 'products', '--base-url', baseUrl, '--machine-no', '12345678'],
      env,
    );
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { slotName: string }[]).map((p) => p.slotName)).toContain('B10');
    const failed = await runProcess(
      'npx',
      [
        'tsx',
        'electron/cli/main.ts',
        'cloud',
        'codes',
        '--product-id',
        '424242',
        '--base-url',
        baseUrl,
        '--machine-no',
        '12345678',
      ],
      env,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/vendor code 80002: 记录不存在/) as unknown,
    ]);

    const exited = new Promise<number | null>((resolve) => sim.on('close', resolve));
    sim.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
