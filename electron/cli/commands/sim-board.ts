import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRecording } from '../../core/board/recorder';
import { replayRecording } from '../../sim/board/replay';
import { intValue, parseArgs, requireValue, UsageError } from '../args';
import type { CliIo } from '../command';
import type { SimConfig } from '../../sim/board/config';
import { loadSimConfig, simConfigSchema } from '../../sim/board/config';
import { startSerialHost } from '../../sim/board/serial-host';
import type { SimSubcommand } from './sim';

const untilSignal = (): Promise<void> =>
  new Promise((done) => {
    process.once('SIGINT', () => {
      done();
    });
    process.once('SIGTERM', () => {
      done();
    });
  });

/** `--replay FILE`: a black-box dump's requests, answered by the simulator, one JSON event per line. */
const replayDump = (file: string, config: SimConfig, io: CliIo): number => {
  const entries = parseRecording(readFileSync(file, 'utf8'));
  if (!entries.ok) {
    io.err(`sim board: ${file}: ${entries.error}`);
    return 1;
  }
  const result = replayRecording(entries.value, config);
  for (const e of result.events) io.out(JSON.stringify(e));
  for (const r of result.replies) io.out(JSON.stringify({ event: 'reply', ...r }));
  return 0;
};

/**
 * `kioskctl sim board --port PATH [--config FILE] [--ledger FILE] [--baud B]`: the simulated driver boards on
 * a serial port (a socat pseudo-terminal or a real port with a null-modem cable to the kiosk). Events and
 * control answers are JSON lines on stdout; faults are armed at run time with JSON lines on stdin
 * (see electron/sim/board/control.ts). `--replay DUMP` answers a black-box dump's requests instead, no port.
 */
export const runSimBoard = async (
  args: readonly string[],
  io: CliIo,
  until: Promise<void> = untilSignal(),
): Promise<number> => {
  const parsed = parseArgs(args, { values: ['port', 'config', 'ledger', 'baud', 'replay'] });
  if (parsed.positionals.length > 0)
    throw new UsageError(`unexpected argument "${parsed.positionals[0] ?? ''}"`);
  const configPath = parsed.values.get('config');
  let config: SimConfig = simConfigSchema.parse({});
  if (configPath !== undefined) {
    const loaded = loadSimConfig(resolve(io.cwd, configPath));
    if (!loaded.ok) {
      io.err(`sim board: ${loaded.error}`);
      return 1;
    }
    config = loaded.value;
  }
  const replay = parsed.values.get('replay');
  if (replay !== undefined) return replayDump(resolve(io.cwd, replay), config, io);
  const path = requireValue(parsed, 'port');
  const baud = intValue(parsed, 'baud', 9600);
  const ledgerPath = parsed.values.get('ledger');
  const host = await startSerialHost({
    path,
    baud,
    config,
    control: process.stdin,
    emit: io.out,
    ...(ledgerPath === undefined ? {} : { ledgerPath: resolve(io.cwd, ledgerPath) }),
  });
  if (!host.ok) {
    io.err(`sim board: ${host.error}`);
    return 1;
  }
  await Promise.race([until, host.value.stopped]);
  await host.value.stop();
  process.stdin.pause();
  return 0;
};

export const simBoardSubcommand: SimSubcommand = {
  usage: 'board --port PATH [--config FILE] [--ledger FILE] [--baud B] | board --replay DUMP [--config FILE]',
  run: (args, io) => runSimBoard(args, io),
};
