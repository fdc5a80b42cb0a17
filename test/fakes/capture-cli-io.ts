import type { CliIo } from '../../electron/cli/command';

/** A CliIo that keeps what a command printed, for `runCli(argv, io)` tests. */
export type CapturedIo = CliIo & { readonly stdout: string[]; readonly stderr: string[]; all(): string };

export const captureCliIo = (
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): CapturedIo => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    stdout,
    stderr,
    all: () => [...stdout, ...stderr].join('\n'),
  };
};
