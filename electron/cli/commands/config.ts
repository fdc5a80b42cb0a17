import { resolve } from 'node:path';
import { problemLine } from '../../core/config/format-problems';
import { summarizeMachineConfig } from '../../core/config/summarize-config';
import { readMachineConfigFile } from '../../main/config/read-config-file';
import { parseArgs, UsageError } from '../args';
import type { CommandGroup } from '../command';

/** `kioskctl config check FILE`: the installer's first step; exit 0 only when the file would run as written. */
export const configCommand: CommandGroup = {
  name: 'config',
  summary: 'check a machine configuration file (every problem at once)',
  usage: 'config check FILE',
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'check')
      throw new UsageError(sub === undefined ? 'missing sub-command' : `unknown sub-command "${sub}"`);
    const { positionals } = parseArgs(rest, {});
    const [file, extra] = positionals;
    if (file === undefined || extra !== undefined) throw new UsageError('give exactly one FILE');
    const read = await readMachineConfigFile(resolve(io.cwd, file));
    if (read.kind === 'missing') {
      io.err(`${file}: no such file`);
      return 1;
    }
    if (read.kind === 'invalid') {
      const count = read.problems.length;
      io.err(`${file}: ${count} problem${count === 1 ? '' : 's'}:`);
      for (const problem of read.problems) io.err(`  - ${problemLine(problem)}`);
      return 1;
    }
    io.out(`${file}: OK`);
    for (const line of summarizeMachineConfig(read.config)) io.out(`  ${line}`);
    return 0;
  },
};
