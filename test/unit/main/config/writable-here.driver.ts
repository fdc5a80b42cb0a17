import { writableHere } from '../../../../electron/main/config/writable-here';

/** Run as the unprivileged user by writable-here.test.ts: prints the probe's answer for one file. */
void writableHere(process.argv[2] ?? '').then((answer) => {
  process.stdout.write(JSON.stringify(answer));
});
