import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMachinePackage, type BuilderRunner } from '../../../electron/build-tools/machine-build';
import type { DpkgDeb } from '../../../electron/build-tools/dpkg-deb';

const repo = join(__dirname, '../../..');
let dir: string;
let configText: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-machine-build-'));
  for (const part of ['main', 'preload', 'renderer'])
    await mkdir(join(dir, 'out', part), { recursive: true });
  configText = await readFile(join(repo, 'build/machines/example.json'), 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const noDpkgDeb: DpkgDeb = {
  available: () => false,
  build: () => Promise.reject(new Error('not called')),
  contents: () => Promise.reject(new Error('not called')),
};

describe('buildMachinePackage for the deb target', () => {
  const request = () => ({
    projectDir: repo,
    configText,
    outDir: join(dir, 'release'),
    target: 'deb' as const,
    appDir: join(dir, 'out'),
  });

  it('refuses before electron-builder runs when dpkg-deb is not installed', async () => {
    const runBuilder = vi.fn<BuilderRunner>();
    const result = await buildMachinePackage(request(), runBuilder, undefined, noDpkgDeb);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.join('\n')).toMatch(
      /^the deb target needs dpkg-deb, which is not installed/,
    );
    expect(runBuilder).not.toHaveBeenCalled();
  });

  it('hands electron-builder the target and the architecture to build for', async () => {
    const runBuilder = vi.fn<BuilderRunner>().mockResolvedValue({ ok: false, error: 'stopped here' });
    const result = await buildMachinePackage({ ...request(), arch: 'arm64' }, runBuilder, undefined, {
      ...noDpkgDeb,
      available: () => true,
    });
    expect(result).toEqual({
      ok: false,
      error: [
        'electron-builder: stopped here',
        `the output folder ${join(dir, 'release/12345678')} was removed: no package of this build is left`,
      ],
    });
    expect(runBuilder.mock.calls[0]?.slice(2)).toEqual(['deb', 'arm64']);
  });
});

describe('buildMachinePackage after a failed check', () => {
  it("removes this machine's output folder, and only that one", async () => {
    const outDir = join(dir, 'release-check');
    await mkdir(join(outDir, '87654321'), { recursive: true });
    await writeFile(join(outDir, '87654321/kept.deb'), 'another machine');
    const runBuilder = vi.fn<BuilderRunner>(async () => {
      // What electron-builder leaves: an unpacked folder, here one without an app.asar.
      await mkdir(join(outDir, '12345678/linux-unpacked/resources'), { recursive: true });
      return { ok: true, value: [] };
    });
    const result = await buildMachinePackage(
      { projectDir: repo, configText, outDir, target: 'dir', appDir: join(dir, 'out'), arch: 'x64' },
      runBuilder,
    );
    expect(result.ok ? [] : result.error).toEqual([
      `${join(outDir, '12345678/linux-unpacked/resources/app.asar')} is missing`,
      `the output folder ${join(outDir, '12345678')} was removed: no package of this build is left`,
    ]);
    expect(existsSync(join(outDir, '12345678'))).toBe(false);
    expect(existsSync(join(outDir, '87654321/kept.deb'))).toBe(true);
  });

  it('removes the output folder when a step throws, and lets the error through', async () => {
    const outDir = join(dir, 'release-throw');
    const runBuilder = vi.fn<BuilderRunner>(async () => {
      await mkdir(join(outDir, '12345678'), { recursive: true });
      throw new Error('unexpected');
    });
    await expect(
      buildMachinePackage(
        { projectDir: repo, configText, outDir, target: 'dir', appDir: join(dir, 'out'), arch: 'x64' },
        runBuilder,
      ),
    ).rejects.toThrow('unexpected');
    expect(existsSync(join(outDir, '12345678'))).toBe(false);
  });
});
