import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
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
    expect(result).toEqual({ ok: false, error: ['electron-builder: stopped here'] });
    expect(runBuilder.mock.calls[0]?.slice(2)).toEqual(['deb', 'arm64']);
  });
});
