import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../electron/cli/command';
import { runCli } from '../../../../electron/cli/main';
import { createBoardDriver } from '../../../../electron/core/board/create-board-driver';
import {
  createFrameRecorder,
  parseRecording,
  serializeRecording,
} from '../../../../electron/core/board/recorder';
import { simConfigSchema } from '../../../../electron/sim/board/config';
import { createInProcessBoard } from '../../../../electron/sim/board/in-process';
import { replayRecording } from '../../../../electron/sim/board/replay';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { runWithClock } from '../../../helpers/run-with-clock';

/** A real session recorded by the driver's black box: two dispenses, one of them jammed. */
const recordSession = async (): Promise<string> => {
  const clock = new ManualClock();
  const board = createInProcessBoard({ clock, config: { faults: [{ kind: 'jam', slot: 2 }] } });
  const recorder = createFrameRecorder();
  const driver = createBoardDriver({
    link: board.link,
    clock,
    logger: new MemoryLogger(),
    recorder,
    pollIntervalMs: 100,
  });
  await runWithClock(clock, driver.dispense({ addr: 1, slot: 1, type: 1, dropCheck: true, lift: false }));
  await runWithClock(clock, driver.dispense({ addr: 1, slot: 2, type: 1, dropCheck: false, lift: false }));
  await board.close();
  return serializeRecording(recorder.entries());
};

describe('replaying a black-box dump into the simulator', () => {
  it('reproduces the same requests, the same drop, and answers every request', async () => {
    const dump = parseRecording(await recordSession());
    if (!dump.ok) throw new Error(dump.error);
    const config = simConfigSchema.parse({ faults: [{ kind: 'jam', slot: 2 }] });
    const result = replayRecording(dump.value, config);
    const requests = result.events.filter((e) => e.event === 'request');
    expect(requests.length).toBe(dump.value.filter((e) => e.dir === 'tx').length);
    expect(requests.filter((e) => e.op === 'dispense').map((e) => e.slot)).toEqual([1, 2]);
    expect(result.events.filter((e) => e.event === 'drop')).toHaveLength(1);
    expect(result.replies).toHaveLength(requests.length);
    // The replayed board answers exactly what the recorded one did.
    const recordedRx = dump.value.filter((e) => e.dir === 'rx').length;
    expect(result.replies.length).toBe(recordedRx);
  });

  it('is reachable as `kioskctl sim board --replay DUMP`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-replay-'));
    try {
      writeFileSync(join(dir, 'dump.jsonl'), await recordSession());
      const out: string[] = [];
      const io: CliIo = { out: (l) => out.push(l), err: () => undefined, env: {}, cwd: dir };
      expect(await runCli(['sim', 'board', '--replay', 'dump.jsonl'], io)).toBe(0);
      const events = out.map((l) => JSON.parse(l) as { event: string });
      expect(events.filter((e) => e.event === 'drop')).toHaveLength(2);
      writeFileSync(join(dir, 'bad.jsonl'), 'nope\n');
      expect(await runCli(['sim', 'board', '--replay', 'bad.jsonl'], io)).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
