import { execFile, spawnSync } from 'node:child_process';
import { err, ok, type Result } from '../contract/result';

/** The three things the deb build asks of Debian's `dpkg-deb`. */
export type DpkgDeb = {
  available(): boolean;
  /** Packs `root` (with its DEBIAN/ folder) into `debFile`. */
  build(root: string, debFile: string): Promise<Result<void, string>>;
  /** `dpkg-deb -c`: the package's file listing. */
  contents(debFile: string): Promise<Result<string, string>>;
};

/**
 * zstd where this dpkg-deb can write it, else xz. Measured here on a 348 MB Chromium tree (about an Electron
 * app's size): zstd 3 s and 145 MB, xz 189 s and 113 MB. Every dpkg the kiosk runs on reads zstd (Debian 12
 * from 1.21.18, Ubuntu since 21.10); xz is the fallback for an older build computer, and every dpkg reads it.
 */
export const debCompression = (dpkgDebHelp: string): 'zstd' | 'xz' =>
  /Allowed types:[^\n]*\bzstd\b/.test(dpkgDebHelp) ? 'zstd' : 'xz';

const run = (args: readonly string[]): Promise<Result<string, string>> =>
  new Promise((resolve) => {
    execFile('dpkg-deb', args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const detail = stderr.trim().split('\n').at(-1) ?? '';
      resolve(error === null ? ok(stdout) : err(detail !== '' ? detail : error.message));
    });
  });

export const dpkgDeb: DpkgDeb = {
  available: () => spawnSync('dpkg-deb', ['--version'], { stdio: 'ignore' }).status === 0,
  async build(root, debFile) {
    const help = await run(['--help']);
    const compression = debCompression(help.ok ? help.value : '');
    // --root-owner-group: every file root:root whoever builds, with no fakeroot.
    const built = await run(['--build', '--root-owner-group', `-Z${compression}`, root, debFile]);
    return built.ok ? ok(undefined) : built;
  },
  contents: (debFile) => run(['--contents', debFile]),
};
