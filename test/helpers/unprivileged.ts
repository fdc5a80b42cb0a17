import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';

/** The unprivileged account the tests act as, standing in for the kiosk user: the OS refuses it what it refuses. */
export const NOBODY = 65534;

export const runningAsRoot = (): boolean => process.getuid?.() === 0;

const isChunk = (item: Rolldown.OutputChunk | Rolldown.OutputAsset): item is Rolldown.OutputChunk =>
  item.type === 'chunk';

/**
 * Prepares a TypeScript driver to run as `nobody`, wherever the repository and Node are: the driver is bundled
 * with everything it imports into one CommonJS file in `dir` (which must be world-traversable), and Node itself is
 * copied there when `nobody` cannot reach the one running the tests (a CI machine keeps it under /root).
 */
export const prepareUnprivileged = async (driver: string, dir: string) => {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: driver,
      write: false,
      minify: false,
      target: 'node24',
      rolldownOptions: { output: { format: 'cjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  const results = Array.isArray(output) ? output : [output];
  const code = results.flatMap((r) => ('output' in r ? r.output.filter(isChunk) : []))[0]?.code;
  if (code === undefined) throw new Error(`bundling ${driver} produced nothing`);
  const script = join(dir, 'driver.cjs');
  writeFileSync(script, code, { mode: 0o644 });
  let node = process.execPath;
  if (spawnSync(node, ['-e', '0'], { uid: NOBODY, gid: NOBODY }).status !== 0) {
    node = join(dir, 'node');
    copyFileSync(process.execPath, node);
    chmodSync(node, 0o755);
  }
  return {
    /** Runs the driver as nobody with these arguments; answers what it printed, parsed as JSON. */
    run(args: readonly string[]): unknown {
      const run = spawnSync(node, [script, ...args], {
        uid: NOBODY,
        gid: NOBODY,
        cwd: dir,
        encoding: 'utf8',
        env: {},
      });
      if (run.status !== 0)
        throw new Error(
          `driver as nobody exited ${String(run.status)}: ${run.stderr} ${run.error?.message ?? ''}`,
        );
      return JSON.parse(run.stdout) as unknown;
    },
  };
};
