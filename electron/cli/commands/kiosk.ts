import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { sendControlRequest } from '../../adapters/control-client';
import { controlEndpoint, defaultUserDataDir } from '../../adapters/control-endpoint';
import {
  controlResponseSchema,
  controlValueSchemas,
  type ControlRequest,
} from '../../contract/control-schemas';
import type { LogEventView } from '../../contract/operator-schemas';
import { parseArgs } from '../args';
import type { CliIo, CommandGroup } from '../command';
import { requestFor } from './kiosk-requests';

const usage =
  'kiosk status|test-dispense --board A --slot S|restock --product ID --count N|resolve --id ID --note TEXT|' +
  'service off|on|log [--lines N] [--data DIR | --socket PATH]';

/** A test dispense waits for the motor (a lift machine's run can take most of a minute); the rest is quick. */
const timeoutFor = (request: ControlRequest): number =>
  request.command === 'test-dispense' ? 120_000 : 15_000;

/** Exit codes: 0 done (a test that dropped), 1 refused or a test that failed, 3 a test left unknown, 4 no kiosk. */
const TEST_EXIT = { intent: 3, success: 0, failed: 1, unknown: 3 } as const;

const endpointOf = (values: ReadonlyMap<string, string>, io: CliIo): string => {
  const socket = values.get('socket');
  if (socket !== undefined) return resolve(io.cwd, socket);
  const data = values.get('data');
  const home = io.env.HOME ?? homedir();
  return controlEndpoint(
    data === undefined ? defaultUserDataDir(process.platform, io.env, home) : resolve(io.cwd, data),
  );
};

const logLine = (e: LogEventView): string =>
  e.level === 'unreadable'
    ? `(unreadable) ${e.detail}`
    : `${e.t} ${e.level.padEnd(5)} ${e.event} ${e.detail}`.trimEnd();

/**
 * Operator tools of a running kiosk from a shell, through its control channel: the kiosk owns the serial port
 * and the journal, so the command asks it rather than opening either. Run as the kiosk's own OS user (the
 * socket is 0600 in a 0700 folder; that is the gate, so no PIN is asked). Each command is in the kiosk's audit
 * log as `kioskctl.<command>`.
 */
export const kioskCommand: CommandGroup = {
  name: 'kiosk',
  summary: 'the running kiosk: status, test a slot, restock, resolve attention, out of service, recent log',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, {
      values: ['data', 'socket', 'board', 'slot', 'product', 'count', 'id', 'note', 'lines'],
    });
    const request = requestFor(parsed.positionals[0], parsed);
    const endpoint = endpointOf(parsed.values, io);
    const sent = await sendControlRequest(endpoint, request, timeoutFor(request));
    if (!sent.ok) {
      io.err(`kioskctl kiosk: ${sent.error.message}`);
      if (sent.error.code === 'not-running') io.err('is the kiosk running? (or pass --data / --socket)');
      if (sent.error.code === 'no-permission') io.err("run kioskctl as the kiosk's user: sudo -u kiosk …");
      return 4;
    }
    const response = controlResponseSchema.safeParse(sent.value);
    if (!response.success) {
      io.err('kioskctl kiosk: the kiosk answered something this kioskctl does not understand');
      return 4;
    }
    if (!response.data.ok) {
      io.err(`kioskctl kiosk ${request.command}: ${response.data.error.code}: ${response.data.error.reason}`);
      return 1;
    }
    const value: unknown = response.data.value;
    if (request.command === 'log') {
      const log = controlValueSchemas.log.parse(value);
      for (const event of log.events) io.out(logLine(event));
      return 0;
    }
    io.out(JSON.stringify(controlValueSchemas[request.command].parse(value), null, 2));
    if (request.command === 'test-dispense')
      return TEST_EXIT[controlValueSchemas['test-dispense'].parse(value).state];
    return 0;
  },
};
