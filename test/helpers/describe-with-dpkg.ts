import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

const runs = (command: string): boolean =>
  spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;

export type DpkgRequirement =
  { readonly run: true } | { readonly run: false; readonly fail: boolean; readonly reason: string };

/**
 * Whether the deb suites can run: they build with dpkg-deb and install with dpkg. Without them (a workstation
 * that is not Debian) they are skipped with the reason; under CI a missing tool fails the run instead.
 */
export const dpkgRequirement = (
  env: NodeJS.ProcessEnv = process.env,
  installed: boolean = runs('dpkg-deb') && runs('dpkg'),
): DpkgRequirement =>
  installed
    ? { run: true }
    : {
        run: false,
        fail: Boolean(env.CI),
        reason:
          'dpkg-deb and dpkg are not installed (Debian and Ubuntu have them; elsewhere: the dpkg package)',
      };

/** `describe` for suites that build or install a .deb: skipped with the reason on a workstation, failed in CI. */
export const describeWithDpkg = (name: string, body: () => void): void => {
  const need = dpkgRequirement();
  if (need.run) {
    describe(name, body);
  } else if (need.fail) {
    describe(name, () => {
      it('has dpkg-deb and dpkg', () => {
        throw new Error(`${need.reason}; the CI machine must have them`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${need.reason})`, body);
  }
};
