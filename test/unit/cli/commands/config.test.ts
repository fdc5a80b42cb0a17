import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { captureCliIo } from '../../../fakes/capture-cli-io';
import { minimalConfig } from '../../core/config/machine-config-fixture';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-config-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kioskctl config check', () => {
  it('exits 0 with a short summary for the shipped example', async () => {
    const io = captureCliIo({ cwd: join(__dirname, '../../../..') });
    expect(await runCli(['config', 'check', 'build/machines/example.json'], io)).toBe(0);
    expect(io.stdout[0]).toBe('build/machines/example.json: OK');
    expect(io.stdout).toContain('  machine 12345678 "Lobby pickup kiosk"');
    expect(io.stderr).toEqual([]);
  });

  it('exits 1 and lists every problem', async () => {
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify({
        ...minimalConfig(),
        machineNo: '123',
        boards: [{ addr: 9 }],
        serial: { path: '/dev/x', baud: 1200 },
      }),
    );
    const io = captureCliIo({ cwd: dir });
    expect(await runCli(['config', 'check', 'bad.json'], io)).toBe(1);
    expect(io.stderr).toEqual([
      'bad.json: 3 problems:',
      '  - machineNo: must be exactly 8 digits, as printed on the machine, got "123"',
      '  - serial.baud: must be one of 9600, 19200, 38400, 57600, 115200, got 1200',
      '  - boards[0].addr: must be 1–8, got 9',
    ]);
    expect(io.stdout).toEqual([]);
  });

  it('warns in the summary when the weak credential store is allowed', async () => {
    await writeFile(
      join(dir, 'weak.json'),
      JSON.stringify({ ...minimalConfig(), secrets: { allowWeakStore: true } }),
    );
    const io = captureCliIo({ cwd: dir });
    expect(await runCli(['config', 'check', 'weak.json'], io)).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/WARNING: secrets.allowWeakStore is on/);
  });

  it('says when the file does not exist', async () => {
    const io = captureCliIo({ cwd: dir });
    expect(await runCli(['config', 'check', 'nope.json'], io)).toBe(1);
    expect(io.stderr).toEqual(['nope.json: no such file']);
  });

  it.each([
    [['config']],
    [['config', 'check']],
    [['config', 'check', 'a.json', 'b.json']],
    [['config', 'lint', 'a.json']],
  ])('usage error for %j', async (argv) => {
    const io = captureCliIo({ cwd: dir });
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('usage: kioskctl config check FILE');
  });
});
