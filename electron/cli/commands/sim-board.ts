import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseIncidentFile } from '../../core/incidents/incident-file';
import { replayToDriver } from '../../sim/board/driver-replay';
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

/**
 * `--replay FILE`: a black-box dump's (or an exported incident's) requests, answered by the simulator, one JSON
 * event per line. An incident is also replayed into the kiosk's own driver against the recorded line: a last
 * `incident-replay` line says whether that reaches the recorded outcome (exit 1 if not).
 */
const replayDump = async (file: string, config: SimConfig, io: CliIo): Promise<number> => {
  const parsed = parseIncidentFile(readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    io.err(`sim board: ${file}: ${parsed.error}`);
    return 1;
  }
  const { header, frames } = parsed.value;
  const result = replayRecording(frames, config);
  for (const e of result.events) io.out(JSON.stringify(e));
  for (const r of result.replies) io.out(JSON.stringify({ event: 'reply', ...r }));
  if (header === null) return 0;
  const driver = await replayToDriver(frames, header);
  const replayed = driver.outcome;
  const match = replayed.outcome === header.outcome;
  io.out(
    JSON.stringify({
      event: 'incident-replay',
      reference: header.reference,
      recorded: { outcome: header.outcome, reason: header.reason },
      replayed: {
        outcome: replayed.outcome,
        reason: replayed.outcome === 'success' ? null : replayed.reason,
      },
      match,
      requestsMatched: driver.matched,
      requestsUnmatched: driver.unmatched,
    }),
  );
  if (!match)
    io.err(`sim board: the driver now reads this incident as ${replayed.outcome}, not ${header.outcome}`);
  return match ? 0 : 1;
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
