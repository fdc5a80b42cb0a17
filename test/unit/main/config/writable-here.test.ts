import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOBODY, prepareUnprivileged, runningAsRoot } from '../../../helpers/unprivileged';

/**
 * The probe asks the OS by trying, so it can only be tested as a user the OS refuses things to. These tests run as
 * root (who may write anything), so each question is asked by a child process running as `nobody`.
 */
const asRoot = runningAsRoot();
const dir = mkdtempSync(join(tmpdir(), 'kiosk-writable-'));
chmodSync(dir, 0o755);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let probe: Awaited<ReturnType<typeof prepareUnprivileged>> | undefined;
beforeAll(async () => {
  if (asRoot) probe = await prepareUnprivileged(join(__dirname, 'writable-here.driver.ts'), dir);
}, 60_000);
const askAsNobody = (file: string): string | null => {
  if (probe === undefined) throw new Error('the unprivileged probe was not prepared');
  return probe.run([file]) as string | null;
};

const place = (name: string, setup: (folder: string, file: string) => void): string => {
  const folder = join(dir, name);
  mkdirSync(folder, { mode: 0o755 });
  chmodSync(folder, 0o755);
  const file = join(folder, 'machine.json');
  writeFileSync(file, '{}', { mode: 0o644 });
  setup(folder, file);
  return file;
};

describe.runIf(asRoot)('writable-here (as the unprivileged user nobody)', () => {
  it('finds an administrator-owned file in an administrator-owned folder not writable', () => {
    expect(askAsNobody(place('admin', () => undefined))).toBeNull();
  });

  it('finds a file the user owns writable', () => {
    const file = place('own-file', (_folder, f) => {
      chownSync(f, NOBODY, NOBODY);
    });
    expect(askAsNobody(file)).toMatch(/file is writable/);
  });

  it('finds a file in a folder the user may write writable, since it could be replaced', () => {
    const file = place('open-folder', (folder) => {
      chmodSync(folder, 0o777);
    });
    expect(askAsNobody(file)).toMatch(/folder is writable/);
  });

  it('judges a symlink by what it points at', () => {
    const target = place('target', (_folder, f) => {
      chownSync(f, NOBODY, NOBODY);
    });
    const link = place('link', (_folder, f) => {
      rmSync(f);
    });
    spawnSync('ln', ['-s', target, link]);
    expect(askAsNobody(link)).toMatch(/file is writable/);
  });
});
