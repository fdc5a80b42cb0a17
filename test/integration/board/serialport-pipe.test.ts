import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSerialportPipe } from '../../../electron/adapters/serialport-pipe';
import type { SerialPipe } from '../../../electron/core/ports/serial-pipe';
import { describeWithSocat } from '../../helpers/describe-with-socat';
import { startPtyPair } from '../../helpers/socat';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const until = async (check: () => boolean, timeoutMs = 5000): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const opened = async (path: string): Promise<SerialPipe> => {
  const result = await openSerialportPipe({ path, baud: 9600 });
  if (!result.ok) throw new Error(`could not open ${path}: ${result.error.message}`);
  cleanups.push(() => result.value.close());
  return result.value;
};

describeWithSocat('serialport pipe adapter (socat pty)', () => {
  it('carries bytes both ways', async () => {
    const pty = await startPtyPair();
    cleanups.push(() => pty.stop());
    const kiosk = await opened(pty.kiosk);
    const board = await opened(pty.board);
    const got: number[] = [];
    board.onData((chunk) => got.push(...chunk));
    expect(await kiosk.write(Uint8Array.from([1, 3, 0, 3]))).toEqual({ ok: true, value: undefined });
    await until(() => got.length === 4);
    expect(got).toEqual([1, 3, 0, 3]);
  });

  it('says open-failed for a missing port and bad-options for a malformed one, without retrying', async () => {
    expect(await openSerialportPipe({ path: join(tmpdir(), 'no-such-tty'), baud: 9600 })).toMatchObject({
      ok: false,
      error: { code: 'open-failed' },
    });
    expect(await openSerialportPipe({ path: '', baud: 9600 })).toMatchObject({
      ok: false,
      error: { code: 'bad-options' },
    });
  });

  it('does not report its own close as a loss, and refuses writes after it', async () => {
    const pty = await startPtyPair();
    cleanups.push(() => pty.stop());
    const pipe = await opened(pty.kiosk);
    const gone: string[] = [];
    pipe.onGone((reason) => gone.push(reason));
    await pipe.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(gone).toEqual([]);
    expect(await pipe.write(Uint8Array.from([1]))).toMatchObject({ ok: false, error: { code: 'not-open' } });
  });
});
