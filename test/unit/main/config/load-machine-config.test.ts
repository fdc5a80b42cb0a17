import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadMachineConfig,
  machineConfigPaths,
  type MachineConfigDirs,
} from '../../../../electron/main/config/load-machine-config';
import { siteOverrideDir } from '../../../../electron/main/config/override-location';
import { minimalConfig } from '../../core/config/machine-config-fixture';
import { MemoryLogger } from '../../../fakes/memory-logger';

let root: string;
let dirs: MachineConfigDirs;
let logger: MemoryLogger;
/** The probe's answer per path: the tests run as root, who can write anything, so writability is scripted here. */
let writableFiles: Set<string>;
const load = () =>
  loadMachineConfig(dirs, {
    logger,
    writable: (file) =>
      Promise.resolve(writableFiles.has(file) ? 'the file is writable by the kiosk user' : null),
  });

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiosk-config-'));
  dirs = {
    resourcesDir: join(root, 'resources'),
    overrideDir: join(root, 'etc'),
    userDataDir: join(root, 'user-data'),
  };
  await Promise.all([mkdir(dirs.resourcesDir), mkdir(dirs.overrideDir), mkdir(dirs.userDataDir)]);
  logger = new MemoryLogger();
  writableFiles = new Set();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const write = (path: string, value: unknown): Promise<void> =>
  writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));

describe('loadMachineConfig', () => {
  it('runs the demo when there is no packaged configuration', async () => {
    expect(await load()).toEqual({ kind: 'demo' });
  });

  it('uses the packaged configuration', async () => {
    const paths = machineConfigPaths(dirs);
    await write(paths.packaged, minimalConfig());
    const loaded = await load();
    expect(loaded.kind === 'machine' && [loaded.source, loaded.path, loaded.config.machineNo]).toEqual([
      'packaged',
      paths.packaged,
      '12345678',
    ]);
  });

  it('takes an administrator-only site override that keeps to the packaged cloud', async () => {
    const paths = machineConfigPaths(dirs);
    await write(paths.packaged, minimalConfig());
    await write(paths['site-override'], {
      ...minimalConfig(),
      machineName: 'Canteen',
      idleTimeoutSeconds: 90,
    });
    const loaded = await load();
    expect(loaded.kind === 'machine' && [loaded.source, loaded.config.machineName]).toEqual([
      'site-override',
      'Canteen',
    ]);
  });

  it('ignores an override the kiosk user could have written, and says so', async () => {
    const paths = machineConfigPaths(dirs);
    await write(paths.packaged, minimalConfig());
    await write(paths['site-override'], { ...minimalConfig(), machineName: 'Taken over' });
    writableFiles.add(paths['site-override']);
    const loaded = await load();
    expect(loaded.kind === 'machine' && loaded.source).toBe('packaged');
    expect(loaded.kind === 'machine' && loaded.config.machineName).not.toBe('Taken over');
    expect(logger.lines.find((l) => l.event === 'config.override-refused')?.fields.reason).toMatch(
      /writable/,
    );
  });

  it('refuses an override that points the credentials at another host: out of service, not silently packaged', async () => {
    const paths = machineConfigPaths(dirs);
    await write(paths.packaged, minimalConfig());
    const cloud = { ...minimalConfig().cloud, baseUrl: 'https://collector.attacker.example' };
    await write(paths['site-override'], { ...minimalConfig(), cloud });
    expect(await load()).toEqual({
      kind: 'invalid',
      source: 'site-override',
      path: paths['site-override'],
      problems: [
        {
          path: 'cloud',
          message:
            'talks to collector.attacker.example, not a cloud host this package was built for: rebuild the package to change the cloud',
        },
      ],
    });
  });

  it('never reads a machine.json in the user-data folder any more, and logs where an override goes now', async () => {
    const paths = machineConfigPaths(dirs);
    await write(paths.packaged, minimalConfig());
    await write(paths['user-data'], { ...minimalConfig(), machineNo: '87654321' });
    const loaded = await load();
    expect(loaded.kind === 'machine' && loaded.config.machineNo).toBe('12345678');
    expect(logger.lines.find((l) => l.event === 'config.user-data-ignored')?.fields.instead).toContain(
      paths['site-override'],
    );
  });

  it('accepts no override on a demo package (nothing to compare the cloud with)', async () => {
    await write(machineConfigPaths(dirs)['site-override'], minimalConfig());
    expect(await load()).toEqual({ kind: 'demo' });
    expect(logger.has('config.override-refused')).toBe(true);
  });

  it('reports an invalid override instead of silently falling back to the packaged file', async () => {
    const paths = machineConfigPaths(dirs);
    await write(paths.packaged, minimalConfig());
    await write(paths['site-override'], { ...minimalConfig(), boards: [{ addr: 9 }] });
    expect(await load()).toEqual({
      kind: 'invalid',
      source: 'site-override',
      path: paths['site-override'],
      problems: [{ path: 'boards[0].addr', message: 'must be 1–8, got 9' }],
    });
  });

  it('reports a packaged file that is not JSON', async () => {
    await write(machineConfigPaths(dirs).packaged, '{ "machineNo": ');
    const loaded = await load();
    expect(loaded.kind === 'invalid' && loaded.problems[0]?.message).toBe(
      'not valid JSON at line 1, column 16: the file ends where a value should be (is it cut short?)',
    );
  });

  it('reports a folder where the packaged file should be', async () => {
    await mkdir(machineConfigPaths(dirs).packaged);
    const loaded = await load();
    expect(loaded.kind === 'invalid' && loaded.problems).toEqual([
      { path: '', message: 'cannot read the file: it is a folder, not a file' },
    ]);
  });
});

describe('site override folder', () => {
  it('is one only an administrator writes, on each platform', () => {
    expect(siteOverrideDir('linux', {})).toBe('/etc/pickup-kiosk');
    expect(siteOverrideDir('win32', { ProgramData: 'C:\\ProgramData' })).toMatch(
      /ProgramData[\\/]Pickup Kiosk$/,
    );
    expect(siteOverrideDir('darwin', {})).toBe('/Library/Application Support/Pickup Kiosk');
  });
});
