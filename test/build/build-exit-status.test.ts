import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCompiledApp, makeStandInElectron } from '../fixtures/packaging/make-fixtures';

/**
 * `kioskctl build` as an installer runs it: the real CLI in a process of its own, so its exit status is the
 * one a shell or a CI job sees. electron-builder's exit hook used to turn every failure into status 0 and
 * leave the failed package on disk; these builds fail for each reason in turn, and one succeeds.
 */
const repo = join(__dirname, '../..');
const example = join(repo, 'build/machines/example.json');
/** A made-up credential: what an installer may still have exported after `kioskctl provision`. */
const FAKE_SECRET = 'fake-appsecret-7c41d9e2';
let tmp: string;

type Run = { status: number | null; stdout: string; stderr: string };

const kioskctl = (args: readonly string[], extraEnv: Record<string, string> = {}): Promise<Run> =>
  new Promise((resolve, reject) => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('KIOSK_')),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
      cwd: repo,
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });

const dirBuild = (appDir: string, electron: string, out: string): string[] => [
  '--target',
  'dir',
  '--out',
  join(tmp, out),
  '--electron-dist',
  join(tmp, electron),
  '--app-dir',
  join(tmp, appDir),
];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'kiosk-exit-'));
  await makeStandInElectron(join(tmp, 'electron'));
  await makeStandInElectron(join(tmp, 'broken-electron'));
  // Without its executable electron-builder fails halfway, after it has started writing the output folder.
  await rm(join(tmp, 'broken-electron/electron'));
  await makeCompiledApp(join(tmp, 'out'));
  await cp(join(tmp, 'out'), join(tmp, 'out-decoy'), { recursive: true });
  // A name the exclusion patterns do not cover, with a value in it that the build knows.
  await writeFile(join(tmp, 'out-decoy/appsecret.txt'), `AppSecret=${FAKE_SECRET}\n`);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('kioskctl build, exit status and output (the real CLI, offline dir builds)', () => {
  it('fails with a non-zero status and removes the package when the check finds a planted credential', async () => {
    const run = await kioskctl(['build', '--machine', example, ...dirBuild('out-decoy', 'electron', 'r1')], {
      KIOSK_APPSECRET: FAKE_SECRET,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'secret inside the package: resources/app.asar/out/appsecret.txt: its name looks like a secret',
    );
    expect(run.stderr).toContain(
      'secret inside the package: resources/app.asar/out/appsecret.txt: contains the $KIOSK_APPSECRET (as text)',
    );
    expect(run.stderr).toContain(`the output folder ${join(tmp, 'r1/12345678')} was removed`);
    expect(existsSync(join(tmp, 'r1/12345678'))).toBe(false);
    expect(run.stdout + run.stderr).not.toContain(FAKE_SECRET);
  }, 90_000);

  it('fails with a non-zero status and removes the half-built output when electron-builder itself fails', async () => {
    const run = await kioskctl(['build', '--machine', example, ...dirBuild('out', 'broken-electron', 'r2')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ {2}- electron-builder: /);
    expect(existsSync(join(tmp, 'r2/12345678'))).toBe(false);
  }, 90_000);

  it('exits 0 and keeps the package when the build and its check succeed', async () => {
    const run = await kioskctl(['build', '--machine', example, ...dirBuild('out', 'electron', 'r3')], {
      KIOSK_APPSECRET: FAKE_SECRET,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`machine 12345678: ${join(tmp, 'r3/12345678')}`);
    expect(run.stdout).toMatch(/ {2}checked for secrets: \d+ files, [\d.]+ MB in [\d.]+ s/);
    expect(existsSync(join(tmp, 'r3/12345678/linux-unpacked/resources/app.asar'))).toBe(true);
  }, 90_000);

  it("in a fleet, removes only the failed machine's folder and exits non-zero", async () => {
    // Machine 12345670's name carries machine 12345671's AppSecret: only 12345670's package holds it.
    await copyFile(example, join(tmp, 'template.json'));
    await writeFile(
      join(tmp, 'fleet.csv'),
      [
        'config,machine_no,machine_name,appid,appsecret,appkey',
        'template.json,12345670,Kiosk fleet-secret-of-71,id-of-machine-70,secret-of-machine-70,key-of-machine-70',
        'template.json,12345671,Canteen kiosk,id-of-machine-71,fleet-secret-of-71,key-of-machine-71',
      ].join('\n'),
    );
    const run = await kioskctl([
      'build',
      '--fleet',
      join(tmp, 'fleet.csv'),
      ...dirBuild('out', 'electron', 'r4'),
      '--provision-out',
      join(tmp, 'provisioning'),
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'resources/machine.json: contains the AppSecret of machine 12345671 (line 3) (as text)',
    );
    expect(existsSync(join(tmp, 'r4/12345670'))).toBe(false);
    expect(existsSync(join(tmp, 'r4/12345671/linux-unpacked/resources/app.asar'))).toBe(true);
    expect(existsSync(join(tmp, 'provisioning/12345670.provision.json'))).toBe(false);
    expect(existsSync(join(tmp, 'provisioning/12345671.provision.json'))).toBe(true);
  }, 120_000);
});
