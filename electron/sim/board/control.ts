import { z } from 'zod';
import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import type { BoardSim } from './board-sim';

/**
 * The simulator process's run-time control: one JSON object per line on its stdin.
 *   {"cmd":"fault","fault":{"kind":"jam","addr":1,"slot":12,"times":1}}   arm a fault
 *   {"cmd":"clear-faults"}                                                  disarm all, free the drop sensor
 *   {"cmd":"state"}                                                         print boards, armed faults, drops
 *   {"cmd":"quit"}                                                          stop the simulator
 * Every answer is one JSON line on stdout, like the simulator's events.
 */
const controlSchema = z.discriminatedUnion('cmd', [
  z.object({ cmd: z.literal('fault'), fault: z.unknown() }).strict(),
  z.object({ cmd: z.literal('clear-faults') }).strict(),
  z.object({ cmd: z.literal('state') }).strict(),
  z.object({ cmd: z.literal('quit') }).strict(),
]);
export type ControlCommand = z.infer<typeof controlSchema>;

export const parseControlLine = (line: string): Result<ControlCommand, string> => {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return err('control lines are JSON objects, e.g. {"cmd":"state"}');
  }
  const parsed = controlSchema.safeParse(value);
  return parsed.success ? ok(parsed.data) : err(`unknown control command: ${line.slice(0, 80)}`);
};

export type ControlAnswer = Record<string, unknown> & { readonly event: string };

/** Applies one control line; `quit` is reported back so the host can stop. */
export const applyControl = (sim: BoardSim, line: string): { answer: ControlAnswer; quit: boolean } => {
  const parsed = parseControlLine(line);
  if (!parsed.ok) return { answer: { event: 'control-error', message: parsed.error }, quit: false };
  const command = parsed.value;
  switch (command.cmd) {
    case 'fault': {
      const armed = sim.injectFault(command.fault);
      return armed.ok
        ? { answer: { event: 'fault-armed', fault: armed.value }, quit: false }
        : { answer: { event: 'control-error', message: armed.error }, quit: false };
    }
    case 'clear-faults':
      sim.clearFaults();
      return { answer: { event: 'faults-cleared' }, quit: false };
    case 'state':
      return {
        answer: {
          event: 'state',
          boards: sim.boards(),
          armed: sim.armedFaults(),
          drops: sim.ledger.entries().length,
        },
        quit: false,
      };
    case 'quit':
      return { answer: { event: 'quitting' }, quit: true };
  }
};
