import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { profileCoversPath, RESTRICT_USERNS_FILE, sandboxPreflight } from './sandbox-preflight';

/**
 * `npm start` runs this first (package.json): it gathers the facts sandbox-preflight.ts decides on and exits 1
 * with its message when Electron's sandbox could not start. Elsewhere it says nothing and costs a few ms.
 */

const readOrUndefined = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** The binary electron-vite starts: node_modules/electron/dist/<path.txt>, unless overridden as electron allows. */
const electronDir = join(__dirname, '../../node_modules/electron');
const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
const electronPath = join(distDir, readOrUndefined(join(electronDir, 'path.txt'))?.trim() || 'electron');

const profilesCover = (path: string): boolean => {
  const dir = '/etc/apparmor.d';
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .some((entry) => profileCoversPath(readOrUndefined(join(dir, entry.name)) ?? '', path));
};

const setuidRoot = (path: string): boolean => {
  const stats = existsSync(path) ? statSync(path) : undefined;
  return stats !== undefined && stats.uid === 0 && (stats.mode & 0o4000) !== 0;
};

const restrictUserns = process.platform === 'linux' ? readOrUndefined(RESTRICT_USERNS_FILE) : undefined;
const verdict = sandboxPreflight({
  platform: process.platform,
  restrictUserns,
  // Read only where they can matter, so an unrestricted machine does not scan /etc/apparmor.d at all.
  profileCovers: restrictUserns?.trim() === '1' && profilesCover(electronPath),
  setuidSandbox: restrictUserns?.trim() === '1' && setuidRoot(join(distDir, 'chrome-sandbox')),
  electronInstalled: existsSync(electronPath),
  electronPath,
});
if (!verdict.start) {
  process.stderr.write(`${verdict.message.join('\n')}\n`);
  process.exitCode = 1;
}
