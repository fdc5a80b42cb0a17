import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOBODY, prepareUnprivileged, runningAsRoot } from '../helpers/unprivileged';
import { minimalConfig } from '../unit/core/config/machine-config-fixture';

/**
 * Red team: a customer who got out of the app is the kiosk user, and may write what that user may write. They
 * try to take the machine over through its configuration: the old user-data override, and an override they can
 * write in the site folder. The real loader, with the real write probe, runs as an unprivileged user (`nobody`
 * standing in for the kiosk user) in a child process.
 */
const root = mkdtempSync(join(tmpdir(), 'kiosk-red-config-'));
chmodSync(root, 0o755);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const machine = (name: string) => {
  const base = join(root, name);
  const dirs = {
    resourcesDir: join(base, 'resources'),
    overrideDir: join(base, 'etc'),
    userDataDir: join(base, 'user-data'),
  };
  for (const d of [base, ...Object.values(dirs)]) mkdirSync(d, { recursive: true, mode: 0o755 });
  chownSync(dirs.userDataDir, NOBODY, NOBODY);
  writeFileSync(join(dirs.resourcesDir, 'machine.json'), JSON.stringify(minimalConfig()), { mode: 0o644 });
  return dirs;
};

type Loaded = { kind: string; source?: string; machineName?: string; events: string[] };
let loader: Awaited<ReturnType<typeof prepareUnprivileged>> | undefined;
beforeAll(async () => {
  if (runningAsRoot()) loader = await prepareUnprivileged(join(__dirname, 'load-config.driver.ts'), root);
}, 60_000);
const loadAsKioskUser = (dirs: object): Loaded => {
  if (loader === undefined) throw new Error('the unprivileged loader was not prepared');
  return loader.run([JSON.stringify(dirs)]) as Loaded;
};

const takeover = { ...minimalConfig(), machineName: 'Taken over', throttle: { maxWrongCodes: 50 } };

describe.runIf(runningAsRoot())('red team: taking the kiosk over through its configuration', () => {
  it('a machine.json the kiosk user drops in its own user-data folder is not read', () => {
    const dirs = machine('user-data');
    writeFileSync(join(dirs.userDataDir, 'machine.json'), JSON.stringify(takeover));
    const loaded = loadAsKioskUser(dirs);
    expect([loaded.kind, loaded.source]).toEqual(['machine', 'packaged']);
    expect(loaded.machineName).not.toBe('Taken over');
    expect(loaded.events).toContain('config.user-data-ignored');
  });

  it('a site override the kiosk user owns is ignored', () => {
    const dirs = machine('own-override');
    const file = join(dirs.overrideDir, 'machine.json');
    writeFileSync(file, JSON.stringify(takeover));
    chownSync(file, NOBODY, NOBODY);
    const loaded = loadAsKioskUser(dirs);
    expect([loaded.kind, loaded.source]).toEqual(['machine', 'packaged']);
    expect(loaded.events).toContain('config.override-refused');
  });

  it('a site override in a folder the kiosk user can write is ignored (it could be swapped)', () => {
    const dirs = machine('open-folder');
    writeFileSync(join(dirs.overrideDir, 'machine.json'), JSON.stringify(takeover), { mode: 0o644 });
    chmodSync(dirs.overrideDir, 0o777);
    expect(loadAsKioskUser(dirs).source).toBe('packaged');
  });

  it("an administrator's override is taken", () => {
    const dirs = machine('admin-override');
    writeFileSync(
      join(dirs.overrideDir, 'machine.json'),
      JSON.stringify({ ...minimalConfig(), machineName: 'Canteen' }),
      { mode: 0o644 },
    );
    const loaded = loadAsKioskUser(dirs);
    expect([loaded.source, loaded.machineName]).toEqual(['site-override', 'Canteen']);
  });
});
