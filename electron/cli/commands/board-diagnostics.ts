import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SerialPort } from 'serialport';
import { z } from 'zod';
import { describeRecording } from '../../core/board/describe-frames';
import { parseRecording } from '../../core/board/recorder';
import { parseArgs, requireValue, UsageError } from '../args';
import type { CliIo } from '../command';
import { baudOf, boardAddr, dumpRecorder, withBoardSession } from './board-session';

const allAddrs = [1, 2, 3, 4, 5, 6, 7, 8];
const portListSchema = z.array(z.looseObject({ path: z.string(), manufacturer: z.string().optional() }));

/** Probes addresses 1–8 with one quick status read each: an installer wiring a machine sees who answers. */
const probePort = async (path: string, baud: number, io: CliIo): Promise<object> => {
  const result = await withBoardSession(
    { path, baud, err: io.err, requestTimeoutMs: 150, readAttempts: 1 },
    async ({ driver }) => {
      const boards: object[] = [];
      for (const addr of allAddrs) {
        const status = await driver.shipmentStatus(addr);
        if (status.ok) boards.push({ addr, ...status.value });
      }
      return boards;
    },
  );
  return result.ok ? { path, boards: result.value } : { path, error: result.error };
};

export const runScan = async (args: readonly string[], io: CliIo): Promise<number> => {
  const parsed = parseArgs(args, { values: ['port', 'baud'] });
  const baud = baudOf(parsed);
  // serialport's PortInfo type does not resolve under bundler resolution, so the answer is checked instead.
  const raw: unknown = await SerialPort.list();
  const listed = portListSchema
    .parse(raw)
    .map((p) => ({ path: p.path, manufacturer: p.manufacturer ?? null }));
  const only = parsed.values.get('port');
  // Pseudo-terminals and some adapters are never listed, so a named port is probed whether listed or not.
  const targets = only === undefined ? listed.map((p) => p.path) : [only];
  const probed: object[] = [];
  for (const path of targets) probed.push(await probePort(path, baud, io));
  io.out(JSON.stringify({ listed, probed }));
  return 0;
};

/**
 * `--port PATH --out FILE`: a short diagnostic session (hardware, status, drop sensor of one or every board)
 * recorded and dumped as JSON lines. `--in FILE`: a dump, from here or the kiosk, explained line by line.
 */
export const runBlackbox = async (args: readonly string[], io: CliIo): Promise<number> => {
  const parsed = parseArgs(args, { values: ['port', 'out', 'in', 'addr', 'baud'] });
  const input = parsed.values.get('in');
  if (input !== undefined) {
    const entries = parseRecording(readFileSync(resolve(io.cwd, input), 'utf8'));
    if (!entries.ok) {
      io.err(`board blackbox: ${entries.error}`);
      return 1;
    }
    for (const line of describeRecording(entries.value)) io.out(line);
    return 0;
  }
  const path = requireValue(parsed, 'port');
  const out = resolve(io.cwd, requireValue(parsed, 'out'));
  if (parsed.values.has('in')) throw new UsageError('use either --in or --port/--out');
  const addrs = parsed.values.has('addr') ? [boardAddr(parsed)] : allAddrs;
  const result = await withBoardSession(
    { path, baud: baudOf(parsed), err: io.err, readAttempts: 1 },
    async ({ driver, recorder }) => {
      for (const addr of addrs) {
        const status = await driver.shipmentStatus(addr);
        if (!status.ok) continue;
        await driver.hardwareConfig(addr);
        await driver.dropSensor(addr);
      }
      dumpRecorder(recorder, out);
      return recorder.entries().length;
    },
  );
  if (!result.ok) {
    io.out(JSON.stringify({ error: result.error }));
    return 4;
  }
  io.out(JSON.stringify({ out, entries: result.value }));
  return 0;
};
