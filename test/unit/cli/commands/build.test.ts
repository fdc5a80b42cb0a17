import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { captureCliIo } from '../../../fakes/capture-cli-io';

const repo = join(__dirname, '../../../..');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-build-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kioskctl build: checks before packaging (the offline builds are in test/build)', () => {
  it.each([
    [[], 'give either --machine FILE or --fleet FILE.csv'],
    [['--machine', 'a.json', '--fleet', 'f.csv'], 'give either --machine FILE or --fleet FILE.csv'],
    [['--machine', 'a.json', '--target', 'rpm'], '--target must be one of deb, dir, tar.gz, nsis, got "rpm"'],
    [['--machine', 'a.json', '--publish', 'always'], 'unknown option --publish'],
    [['--machine', 'a.json', 'extra'], 'unexpected "extra"'],
  ])('usage error for %j', async (args, message) => {
    const io = captureCliIo({ cwd: repo });
    expect(await runCli(['build', ...args], io)).toBe(2);
    expect(io.stderr[0]?.split('\n')[0]).toBe(`kioskctl build: ${message}`);
  });

  it('asks for `npm run build` when the compiled app is incomplete', async () => {
    await mkdir(join(dir, 'out/main'), { recursive: true });
    const io = captureCliIo({ cwd: repo });
    const code = await runCli(
      [
        'build',
        '--machine',
        'build/machines/example.json',
        '--app-dir',
        join(dir, 'out'),
        '--out',
        join(dir, 'release'),
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.stderr).toEqual([
      'build: build/machines/example.json: 2 problems:',
      `  - ${join(dir, 'out/preload')} is missing: run \`npm run build\` first`,
      `  - ${join(dir, 'out/renderer')} is missing: run \`npm run build\` first`,
    ]);
  });

  it('says when the machine file cannot be read', async () => {
    const io = captureCliIo({ cwd: dir });
    expect(await runCli(['build', '--machine', 'missing.json'], io)).toBe(1);
    expect(io.stderr).toEqual(['build: cannot read missing.json']);
  });
});
