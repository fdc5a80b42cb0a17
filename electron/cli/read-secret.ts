/**
 * Reads a secret (a PIN) without it ever appearing in argv, shell history or `ps`: from a pipe, the first
 * line of stdin; from a terminal, typed with echo off. Resolves undefined when the operator aborts (Ctrl-C/D).
 */
export type SecretReader = (prompt: string) => Promise<string | undefined>;

const readPiped = (): Promise<string | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('error', reject);
    process.stdin.on('end', () => {
      const first = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
      resolve(first === undefined || first === '' ? undefined : first);
    });
  });

const readHidden = (prompt: string): Promise<string | undefined> =>
  new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const finish = (value: string | undefined): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0003' || ch === '\u0004') {
          finish(ch === '\r' || ch === '\n' ? typed : undefined);
          return;
        }
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.on('data', onData);
  });

export const readSecretFromStdin: SecretReader = async (prompt) => {
  if (!process.stdin.isTTY) return readPiped();
  const first = await readHidden(prompt);
  if (first === undefined) return undefined;
  const again = await readHidden('Again, to confirm: ');
  if (again !== first) {
    process.stderr.write('The two entries differ.\n');
    return undefined;
  }
  return first;
};
