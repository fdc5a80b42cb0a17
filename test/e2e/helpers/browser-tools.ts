import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';
import { socatInstalled } from '../../helpers/socat';
import { chromiumPath } from './chromium';

export { chromiumArgs, chromiumPath } from './chromium';

const chromiumRuns = (): boolean =>
  existsSync(chromiumPath) &&
  spawnSync(chromiumPath, ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;

/** What is missing for the browser end-to-end suite, with the fix; empty when it can run. */
export const missingBrowserTools = (): string[] => [
  ...(chromiumRuns() ? [] : [`Chromium at ${chromiumPath} (apt-get install chromium)`]),
  ...(socatInstalled() ? [] : ['socat (apt-get install socat)']),
];

/**
 * `describe` for the browser end-to-end suite. On a workstation without Chromium or socat it is skipped
 * and the skip says what to install; under CI a missing tool fails the run instead of passing quietly.
 */
export const describeWithBrowserTools = (name: string, body: () => void): void => {
  const missing = missingBrowserTools();
  if (missing.length === 0) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('has its tools installed', () => {
        throw new Error(`browser end-to-end test cannot run, missing: ${missing.join('; ')}`);
      });
    });
  } else {
    // Also on stderr: the default reporter names skipped files but not why they were skipped.
    console.warn(`[e2e] skipping "${name}": missing ${missing.join('; ')}`);
    describe.skip(`${name} (skipped, missing: ${missing.join('; ')})`, body);
  }
};
