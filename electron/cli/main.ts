import { UsageError } from './args';
import type { CliIo } from './command';
import { commandGroups } from './commands/index';

const help = (): string =>
  [
    'kioskctl: operator and installer commands for Pickup Kiosk',
    '',
    ...commandGroups.map((g) => `  ${g.usage.padEnd(48)} ${g.summary}`),
  ].join('\n');

/** Runs one command line; returns the exit code. Exported so tests drive the CLI without a child process. */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help') {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  const group = commandGroups.find((g) => g.name === name);
  if (!group) {
    io.err(`kioskctl: unknown command "${name}" (try: kioskctl help)`);
    return 2;
  }
  try {
    return await group.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`kioskctl ${name}: ${e.message}\nusage: kioskctl ${group.usage}`);
      return 2;
    }
    throw e;
  }
};

const isEntry = typeof require !== 'undefined' && require.main === module;
if (isEntry) {
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`kioskctl: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
