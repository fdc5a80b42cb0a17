import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMachineConfig, machineConfigPaths } from '../../../../electron/main/config/load-machine-config';
import { minimalConfig } from '../../core/config/machine-config-fixture';

let root: string;
let dirs: { resourcesDir: string; userDataDir: string };

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiosk-config-'));
  dirs = { resourcesDir: join(root, 'resources'), userDataDir: join(root, 'user-data') };
  await mkdir(dirs.resourcesDir);
  await mkdir(dirs.userDataDir);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const write = (path: string, value: unknown): Promise<void> =>
  writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));

describe('loadMachineConfig', () => {
  it('runs the demo when neither file exists', async () => {
    expect(await loadMachineConfig(dirs)).toEqual({ kind: 'demo' });
  });

  it('also runs the demo when the user-data folder does not exist yet (first start)', async () => {
    expect(await loadMachineConfig({ ...dirs, userDataDir: join(root, 'not-created') })).toEqual({
      kind: 'demo',
    });
  });

  it('uses the packaged configuration', async () => {
    const paths = machineConfigPaths(dirs);
    await write(paths.packaged, minimalConfig());
    const loaded = await loadMachineConfig(dirs);
    expect(loaded.kind === 'machine' && [loaded.source, loaded.path, loaded.config.machineNo]).toEqual([
      'packaged',
      paths.packaged,
      '12345678',
    ]);
  });

  it('lets a file in the user-data folder override the packaged one', async () => {
    const paths = machineConfigPaths(dirs);
    await write(paths.packaged, minimalConfig());
    await write(paths['user-data'], { ...minimalConfig(), machineNo: '87654321' });
    const loaded = await loadMachineConfig(dirs);
    expect(loaded.kind === 'machine' && [loaded.source, loaded.config.machineNo]).toEqual([
      'user-data',
      '87654321',
    ]);
  });

  it('reports an invalid override instead of silently falling back to the packaged file', async () => {
    const paths = machineConfigPaths(dirs);
    await write(paths.packaged, minimalConfig());
    await write(paths['user-data'], { ...minimalConfig(), boards: [{ addr: 9 }] });
    expect(await loadMachineConfig(dirs)).toEqual({
      kind: 'invalid',
      source: 'user-data',
      path: paths['user-data'],
      problems: [{ path: 'boards[0].addr', message: 'must be 1–8, got 9' }],
    });
  });

  it('reports a packaged file that is not JSON', async () => {
    await write(machineConfigPaths(dirs).packaged, '{ "machineNo": ');
    const loaded = await loadMachineConfig(dirs);
    expect(loaded.kind).toBe('invalid');
    expect(loaded.kind === 'invalid' && loaded.problems[0]?.message).toBe(
      'not valid JSON at line 1, column 16: the file ends where a value should be (is it cut short?)',
    );
  });

  it('reports a folder where the file should be', async () => {
    await mkdir(machineConfigPaths(dirs)['user-data']);
    const loaded = await loadMachineConfig(dirs);
    expect(loaded.kind === 'invalid' && loaded.problems).toEqual([
      { path: '', message: 'cannot read the file: it is a folder, not a file' },
    ]);
  });
});
