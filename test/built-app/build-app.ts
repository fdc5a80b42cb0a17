import { spawn } from 'node:child_process';
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleClassicScript } from '../e2e/helpers/bundles';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const run = (command: string, args: string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`));
    });
  });

/**
 * The app laid out as a package lays it out inside app.asar: its package.json, electron-vite's out/ (built here
 * by the same `electron-vite build` as `npm run build`, into this folder so nothing in the project is touched)
 * and the production node_modules (the project's, linked).
 */
export const buildAppFolder = async (dir: string): Promise<{ appDir: string; main: string }> => {
  const appDir = join(dir, 'app');
  await mkdir(appDir, { recursive: true });
  await run(join(repoRoot, 'node_modules/.bin/electron-vite'), [
    'build',
    '--outDir',
    join(appDir, 'out'),
    '--logLevel',
    'warn',
  ]);
  await copyFile(join(repoRoot, 'package.json'), join(appDir, 'package.json'));
  await symlink(join(repoRoot, 'node_modules'), join(appDir, 'node_modules'), 'dir');
  return { appDir, main: join(appDir, 'out/main/index.js') };
};

/** The stand-in's page half (test/electron-standin/page/preload-world.ts) as one classic script file. */
export const bundlePreloadWorld = async (dir: string): Promise<string> => {
  const entry = fileURLToPath(new URL('../electron-standin/page/preload-world.ts', import.meta.url));
  const file = join(dir, 'preload-world.js');
  await writeFile(file, await bundleClassicScript(entry, 'standinPreloadWorld'));
  return file;
};
