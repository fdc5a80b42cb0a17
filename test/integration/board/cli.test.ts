import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { runCli } from '../../../electron/cli/main';
import type { BoardRig } from '../../helpers/board-rig';
import { startBoardRig } from '../../helpers/board-rig';
import { describeWithSocat } from '../../helpers/describe-with-socat';

const cli = async (argv: string[], cwd: string) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd };
  const code = await runCli(argv, io);
  const last = out.at(-1) ?? '{}';
  return { code, out, err, json: JSON.parse(last.startsWith('{') ? last : '{}') as Record<string, unknown> };
};

describeWithSocat('kioskctl board against the simulator process', () => {
  let rig: BoardRig;
  let port: string;
  beforeAll(async () => {
    rig = await startBoardRig();
    // The CLI is the port's only owner while it runs: the rig's own driver lets go of it first.
    await rig.driver.close();
    port = rig.pty.kiosk;
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('dispense prints one JSON object last and exits 0 only on success', async () => {
    const ok = await cli(
      ['board', 'dispense', '--port', port, '--addr', '1', '--slot', '14', '--drop-check'],
      rig.dir,
    );
    expect([ok.code, ok.json]).toEqual([0, { outcome: 'success', addr: 1, slot: 14 }]);

    await rig.sim.control({ cmd: 'fault', fault: { kind: 'jam' } });
    const jam = await cli(['board', 'dispense', '--port', port, '--addr', '1', '--slot', '14'], rig.dir);
    expect(jam.code).toBe(1);
    expect(jam.json).toMatchObject({ outcome: 'failed', faultCode: 0x15 });
    expect(String(jam.json.reason)).toContain('Goods are Stuck');

    await rig.sim.control({ cmd: 'fault', fault: { kind: 'sensor-blocked' } });
    const unknown = await cli(
      ['board', 'dispense', '--port', port, '--addr', '1', '--slot', '14', '--drop-check'],
      rig.dir,
    );
    await rig.sim.control({ cmd: 'clear-faults' });
    expect(unknown.code).toBe(3);
    expect(unknown.json.outcome).toBe('unknown');
  });

  it('status reports run state, fault text, drop sensor and hardware', async () => {
    const r = await cli(['board', 'status', '--port', port, '--addr', '2'], rig.dir);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({
      addr: 2,
      runStatus: 'idle',
      dropSensor: 'blocked-or-missing',
      hardware: { rows: 10 },
    });
  });

  it('scan finds exactly the boards that answer on a named port', async () => {
    const r = await cli(['board', 'scan', '--port', port], rig.dir);
    expect(r.code).toBe(0);
    const probed = r.json.probed as { path: string; boards: { addr: number }[] }[];
    expect(probed.map((p) => p.boards.map((b) => b.addr))).toEqual([[1, 2]]);
  });

  it('blackbox dumps a diagnostic session and explains a dump', async () => {
    const file = join(rig.dir, 'blackbox.jsonl');
    const dump = await cli(
      ['board', 'blackbox', '--port', port, '--addr', '1', '--out', 'blackbox.jsonl'],
      rig.dir,
    );
    expect(dump.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(6);
    const read = await cli(['board', 'blackbox', '--in', file], rig.dir);
    expect(read.code).toBe(0);
    expect(read.out.join('\n')).toContain('board 1 hardware-config');
  });

  it('a missing port or a bad flag is reported, not thrown', async () => {
    const missing = await cli(
      ['board', 'dispense', '--port', join(rig.dir, 'nope'), '--addr', '1', '--slot', '1'],
      rig.dir,
    );
    expect(missing.code).toBe(4);
    expect(missing.json.outcome).toBe('failed');
    expect(
      (await cli(['board', 'dispense', '--port', port, '--addr', '9', '--slot', '1'], rig.dir)).code,
    ).toBe(2);
    expect((await cli(['board', 'dispense', '--port', port, '--addr', '1'], rig.dir)).code).toBe(2);
  });
});
