import { UsageError } from '../args';
import type { CliIo, CommandGroup } from '../command';
import { simBoardSubcommand } from './sim-board';
import { simCloudSubcommand } from './sim-cloud';

/** One simulator per file; `kioskctl sim <name> ...` dispatches here. Add a simulator with one entry. */
export type SimSubcommand = {
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
};

export const simSubcommands: Readonly<Record<string, SimSubcommand>> = {
  cloud: simCloudSubcommand,
  board: simBoardSubcommand,
};

export const simCommand: CommandGroup = {
  name: 'sim',
  summary: 'run a simulator (the fake vendor cloud, the driver board) until Ctrl-C',
  usage: `sim ${Object.keys(simSubcommands).join('|')} ...`,
  run(args, io) {
    const [name, ...rest] = args;
    const sub = name === undefined ? undefined : simSubcommands[name];
    if (name === undefined || sub === undefined) {
      const known = Object.values(simSubcommands)
        .map((s) => `sim ${s.usage}`)
        .join(' | ');
      throw new UsageError(
        `${name === undefined ? 'missing simulator' : `unknown simulator "${name}"`}; one of: ${known}`,
      );
    }
    return sub.run(rest, io);
  },
};
