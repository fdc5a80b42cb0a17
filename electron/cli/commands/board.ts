import { resolve } from 'node:path';
import type { SlotType } from '../../core/ports/board';
import { faultReason } from '../../core/protocol/modbus/fault-codes';
import { intValue, parseArgs, requireValue, UsageError } from '../args';
import type { CliIo, CommandGroup } from '../command';
import { runBlackbox, runScan } from './board-diagnostics';
import { baudOf, boardAddr, dumpRecorder, withBoardSession } from './board-session';

const isSlotType = (n: number): n is SlotType => n === 1 || n === 2 || n === 3 || n === 4;

/** Exit codes: 0 success, 1 failed (nothing dropped), 3 unknown (check the machine), 4 port problem. */
const runDispense = async (args: readonly string[], io: CliIo): Promise<number> => {
  const parsed = parseArgs(args, {
    values: ['port', 'addr', 'slot', 'type', 'baud', 'blackbox'],
    flags: ['drop-check', 'lift'],
  });
  const path = requireValue(parsed, 'port');
  const addr = boardAddr(parsed);
  const slot = intValue(parsed, 'slot');
  if (slot < 0 || slot > 99) throw new UsageError('--slot must be 0–99 (row*10 + column)');
  const type = intValue(parsed, 'type', 1);
  if (!isSlotType(type))
    throw new UsageError('--type must be 1 spring motor, 2 lock, 3 conveyor or 4 timed motor');
  const req = { addr, slot, type, dropCheck: parsed.flags.has('drop-check'), lift: parsed.flags.has('lift') };
  const blackbox = parsed.values.get('blackbox');
  const result = await withBoardSession(
    { path, baud: baudOf(parsed), err: io.err },
    async ({ driver, recorder }) => {
      const outcome = await driver.dispense(req);
      if (blackbox !== undefined) dumpRecorder(recorder, resolve(io.cwd, blackbox));
      return outcome;
    },
  );
  if (!result.ok) {
    io.out(JSON.stringify({ outcome: 'failed', reason: result.error, addr, slot }));
    return 4;
  }
  io.out(JSON.stringify({ ...result.value, addr, slot }));
  return { success: 0, failed: 1, unknown: 3 }[result.value.outcome];
};

const runStatus = async (args: readonly string[], io: CliIo): Promise<number> => {
  const parsed = parseArgs(args, { values: ['port', 'addr', 'baud'] });
  const path = requireValue(parsed, 'port');
  const addr = boardAddr(parsed);
  const result = await withBoardSession({ path, baud: baudOf(parsed), err: io.err }, async ({ driver }) => ({
    shipment: await driver.shipmentStatus(addr),
    sensor: await driver.dropSensor(addr),
    hardware: await driver.hardwareConfig(addr),
  }));
  if (!result.ok) {
    io.out(JSON.stringify({ addr, error: result.error }));
    return 4;
  }
  const { shipment, sensor, hardware } = result.value;
  if (!shipment.ok) {
    io.out(JSON.stringify({ addr, error: shipment.error.message }));
    return 1;
  }
  const { runStatus, faultCode } = shipment.value;
  io.out(
    JSON.stringify({
      addr,
      runStatus,
      faultCode,
      fault: faultCode === 0 ? null : faultReason(faultCode),
      dropSensor: sensor.ok ? sensor.value : `unreadable: ${sensor.error.message}`,
      hardware: hardware.ok ? hardware.value : `unreadable: ${hardware.error.message}`,
    }),
  );
  return 0;
};

const subcommands: Readonly<Record<string, (args: readonly string[], io: CliIo) => Promise<number>>> = {
  dispense: runDispense,
  status: runStatus,
  scan: runScan,
  blackbox: runBlackbox,
};

const detailedUsage = [
  'board dispense --port PATH --addr A --slot N [--type 1-4] [--drop-check] [--lift] [--baud B] [--blackbox FILE]',
  'board status --port PATH --addr A [--baud B]',
  'board scan [--port PATH] [--baud B]',
  'board blackbox --port PATH --out FILE [--addr A] [--baud B]',
  'board blackbox --in FILE',
];

export const boardCommand: CommandGroup = {
  name: 'board',
  summary: 'driver boards: dispense, status, scan the line, black-box dump',
  usage: 'board dispense|status|scan|blackbox ...',
  run(args, io) {
    const [name, ...rest] = args;
    const sub = name === undefined ? undefined : subcommands[name];
    if (!sub) throw new UsageError(`one of:\n  kioskctl ${detailedUsage.join('\n  kioskctl ')}`);
    return sub(rest, io);
  },
};
