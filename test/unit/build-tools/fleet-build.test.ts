import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFleet, type MachineBuilder } from '../../../electron/build-tools/fleet-build';
import type { MachineBuildRequest } from '../../../electron/build-tools/machine-build';
import { ok, err } from '../../../electron/contract/result';
import { parseMachineConfig } from '../../../electron/core/config/parse-config';
import { minimalConfig } from '../core/config/machine-config-fixture';

let dir: string;
const env = { A_ID: 'test-appid', A_SECRET: 'test-secret', A_KEY: 'TESTKEY' };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-fleet-'));
  await writeFile(join(dir, 'template.json'), JSON.stringify(minimalConfig()));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Records what it was asked to build; fails for machine 99999999 as a real build error would. */
const fakeBuilder =
  (built: string[], requests: MachineBuildRequest[] = []): MachineBuilder =>
  (request) => {
    requests.push(request);
    const parsed = parseMachineConfig(request.configText);
    if (!parsed.ok) return Promise.resolve(err(['unexpected invalid config']));
    const machineNo = parsed.value.machineNo;
    if (machineNo === '99999999') return Promise.resolve(err(['electron-builder: disk full']));
    built.push(machineNo);
    const outputDir = join(request.outDir, machineNo);
    return Promise.resolve(
      ok({
        machineNo,
        outputDir,
        artifacts: [join(outputDir, `pickup-kiosk-${machineNo}.deb`)],
        unpackedDir: join(outputDir, 'linux-unpacked'),
        check: { files: 1, bytes: 1, unsearched: [], seconds: 0 },
      }),
    );
  };

const request = (csv: string) => ({
  projectDir: dir,
  csvPath: join(dir, 'fleet.csv'),
  outDir: join(dir, 'release'),
  provisionDir: join(dir, 'provisioning'),
  target: 'deb' as const,
  env,
  csv,
});

const run = async (csv: string, built: string[] = [], requests: MachineBuildRequest[] = []) => {
  const { csv: text, ...rest } = request(csv);
  await writeFile(rest.csvPath, text);
  return buildFleet(rest, fakeBuilder(built, requests));
};

const HEADER = 'config,machine_no,appid,appsecret,appkey';
const creds = 'env:A_ID,env:A_SECRET,env:A_KEY';

describe('buildFleet', () => {
  it('builds every good row, reports every bad one by line, and writes provisioning files only for built machines', async () => {
    const built: string[] = [];
    const result = await run(
      [
        HEADER,
        `template.json,12345678,${creds}`,
        `template.json,123,${creds}`,
        `template.json,12345679,env:MISSING,env:A_SECRET,env:A_KEY`,
        `template.json,12345678,${creds}`,
        `template.json,99999999,${creds}`,
        `template.json,12345680`,
        `template.json,12345681,${creds}`,
      ].join('\n'),
      built,
    );
    expect(built).toEqual(['12345678', '12345681']);
    const rows = result.ok ? result.value : [];
    expect(rows.map((r) => [r.line, r.machineNo, r.ok])).toEqual([
      [2, '12345678', true],
      [3, '123', false],
      [4, '12345679', false],
      [5, '12345678', false],
      [6, '99999999', false],
      [7, undefined, false],
      [8, '12345681', true],
    ]);
    expect(rows.map((r) => r.detail)).toEqual([
      'release/12345678/pickup-kiosk-12345678.deb',
      'config template.json: machineNo: must be exactly 8 digits, as printed on the machine, got "123"',
      'appid (environment variable MISSING) is missing',
      'machine 12345678 is already on line 2',
      'electron-builder: disk full',
      'has 2 fields, the header has 5',
      'release/12345681/pickup-kiosk-12345681.deb',
    ]);
    expect((await readdir(join(dir, 'provisioning'))).sort()).toEqual([
      '12345678.provision.json',
      '12345681.provision.json',
    ]);
    expect((await stat(join(dir, 'provisioning/12345678.provision.json'))).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(rows)).not.toMatch(/test-appid|test-secret|TESTKEY/);
  });

  it('marks a row failed when its provisioning file already exists, and says the package was built', async () => {
    await mkdir(join(dir, 'provisioning'));
    await writeFile(join(dir, 'provisioning/12345678.provision.json'), '{}');
    const result = await run(`${HEADER}\ntemplate.json,12345678,${creds}\n`);
    expect(result.ok && result.value[0]?.detail).toMatch(
      /^package built \(release\/12345678\/pickup-kiosk-12345678\.deb\), but provisioning: .* already exists/,
    );
  });

  it('refuses, before building anything, a provisioning folder inside a git repository', async () => {
    await mkdir(join(dir, '.git'));
    const built: string[] = [];
    const result = await run(`${HEADER}\ntemplate.json,12345678,${creds}\n`, built);
    expect(result.ok ? '' : result.error).toMatch(/^the provisioning folder .* is inside the git repository/);
    expect(built).toEqual([]);
  });

  it("checks every package for the whole fleet's credentials and those in the environment", async () => {
    const requests: MachineBuildRequest[] = [];
    const { csv: text, ...rest } = request(
      [
        HEADER,
        `template.json,12345678,${creds}`,
        'template.json,12345679,id-two-xx,secret-two,key-two-x',
      ].join('\n'),
    );
    await writeFile(rest.csvPath, text);
    await buildFleet(
      { ...rest, env: { ...env, KIOSK_APPSECRET: 'from-the-env' } },
      fakeBuilder([], requests),
    );
    expect(requests).toHaveLength(2);
    for (const r of requests)
      expect(r.secrets).toEqual([
        { label: '$KIOSK_APPSECRET', value: 'from-the-env' },
        { label: 'AppId of machine 12345678 (line 2)', value: 'test-appid' },
        { label: 'AppSecret of machine 12345678 (line 2)', value: 'test-secret' },
        { label: 'AppKey of machine 12345678 (line 2)', value: 'TESTKEY' },
        { label: 'AppId of machine 12345679 (line 3)', value: 'id-two-xx' },
        { label: 'AppSecret of machine 12345679 (line 3)', value: 'secret-two' },
        { label: 'AppKey of machine 12345679 (line 3)', value: 'key-two-x' },
      ]);
  });

  it('refuses a provisioning folder inside the output folder, which a failed build may remove', async () => {
    const built: string[] = [];
    const { csv: text, ...rest } = request(`${HEADER}\ntemplate.json,12345678,${creds}\n`);
    await writeFile(rest.csvPath, text);
    const result = await buildFleet(
      { ...rest, provisionDir: join(rest.outDir, '12345678') },
      fakeBuilder(built),
    );
    expect(result.ok ? '' : result.error).toMatch(/^the provisioning folder .* is inside the output folder/);
    expect(built).toEqual([]);
  });

  it('stops on a bad header, which affects every row', async () => {
    const result = await run('config,machine\n');
    expect(result.ok ? '' : result.error).toMatch(/fleet\.csv: line 1: unknown column "machine"/);
  });
});
