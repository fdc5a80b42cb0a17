import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFleetCsv } from '../../../electron/build-tools/fleet-csv';
import { resolveFleetRow } from '../../../electron/build-tools/fleet-rows';
import { minimalConfig } from '../core/config/machine-config-fixture';

let dir: string;
const env = { A_ID: 'test-appid', A_SECRET: 'test-secret', A_KEY: 'TESTKEY' };
const envCells = { appid: 'env:A_ID', appsecret: 'env:A_SECRET', appkey: 'env:A_KEY' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-fleet-rows-'));
  await writeFile(join(dir, 'template.json'), JSON.stringify(minimalConfig()));
  await writeFile(join(dir, 'broken.json'), '{ "machineNo": "12345678", }');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const resolveRow = (fields: Record<string, string>) =>
  resolveFleetRow({ line: 7, fields }, { csvDir: dir, env });

describe('resolveFleetRow', () => {
  it('applies the row overrides to the template and reads credentials from the environment', async () => {
    const job = await resolveRow({
      config: 'template.json',
      machine_no: '87654321',
      machine_name: 'Canteen',
      serial_path: 'COM4',
      ...envCells,
    });
    expect(job.ok && job.value.credentials).toEqual({
      appId: 'test-appid',
      appSecret: 'test-secret',
      appKey: 'TESTKEY',
    });
    expect(job.ok && job.value.machineNo).toBe('87654321');
    const embedded = job.ok ? (JSON.parse(job.value.configText) as Record<string, unknown>) : {};
    expect(embedded).toMatchObject({
      machineNo: '87654321',
      machineName: 'Canteen',
      serial: { path: 'COM4' },
    });
    expect(job.ok && job.value.configText).not.toContain('test-secret');
  });

  it('takes literal credential values too', async () => {
    const job = await resolveRow({
      config: 'template.json',
      appid: 'test-appid',
      appsecret: 'test-secret',
      appkey: 'TESTKEY',
    });
    expect(job.ok && job.value.machineNo).toBe('12345678');
  });

  it('lists every problem of the row, naming variables and never values', async () => {
    const job = await resolveRow({
      config: 'template.json',
      machine_no: '123',
      appid: 'env:NOPE',
      appsecret: 'test secret',
      appkey: 'env:A_KEY',
    });
    expect(job).toEqual({
      ok: false,
      error: [
        'appid (environment variable NOPE) is missing',
        'appsecret must be 1–256 printable characters without spaces',
        'config template.json: machineNo: must be exactly 8 digits, as printed on the machine, got "123"',
      ],
    });
  });

  it('points at a JSON mistake in the template', async () => {
    const job = await resolveRow({ config: 'broken.json', ...envCells });
    expect(job).toEqual({
      ok: false,
      error: [
        'config broken.json: not valid JSON at line 1, column 28: a trailing comma before "}" is not allowed in JSON',
      ],
    });
  });

  it('reports a missing or empty config path', async () => {
    expect(await resolveRow({ config: 'missing.json', ...envCells })).toEqual({
      ok: false,
      error: [`config missing.json: cannot read ${join(dir, 'missing.json')}`],
    });
    expect(await resolveRow({ ...envCells })).toEqual({
      ok: false,
      error: ['config is empty: give the path of a machine configuration file'],
    });
  });
});

describe('build/machines/fleet.example.csv', () => {
  it('parses, and each row resolves once its environment variables are set', async () => {
    const machines = join(__dirname, '../../../build/machines');
    const parsed = parseFleetCsv(await readFile(join(machines, 'fleet.example.csv'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.problems).toEqual([]);
    const fleetEnv = Object.fromEntries(
      ['LOBBY', 'CANTEEN'].flatMap((site) => [
        [`${site}_APPID`, 'test-appid'],
        [`${site}_APPSECRET`, 'test-secret'],
        [`${site}_APPKEY`, 'TESTKEY'],
      ]),
    );
    const jobs = await Promise.all(
      parsed.value.records.map((r) => resolveFleetRow(r, { csvDir: machines, env: fleetEnv })),
    );
    expect(jobs.map((j) => (j.ok ? j.value.machineNo : j.error))).toEqual(['12345678', '12345679']);
  });
});
