import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSerialLink } from '../../../electron/adapters/serialport-link';
import type { LinkStatus } from '../../../electron/core/ports/serial-link';
import { MemoryLogger } from '../../fakes/memory-logger';
import { describeWithSocat } from '../../helpers/describe-with-socat';
import type { PtyPair } from '../../helpers/socat';
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

describeWithSocat('serialport link adapter (socat pty)', () => {
  it('carries bytes both ways over a pseudo-terminal', async () => {
    const pty = await startPtyPair();
    cleanups.push(() => pty.stop());
    const kiosk = openSerialLink({
      path: pty.kiosk,
      baud: 9600,
      logger: new MemoryLogger(),
      reconnect: false,
    });
    const board = openSerialLink({
      path: pty.board,
      baud: 9600,
      logger: new MemoryLogger(),
      reconnect: false,
    });
    cleanups.push(
      () => kiosk.close(),
      () => board.close(),
    );
    expect([await kiosk.settled(), await board.settled()]).toEqual(['connected', 'connected']);
    const got: number[] = [];
    board.onData((chunk) => got.push(...chunk));
    expect(await kiosk.write(Uint8Array.from([1, 3, 0, 3]))).toEqual({ ok: true, value: undefined });
    await until(() => got.length === 4);
    expect(got).toEqual([1, 3, 0, 3]);
  });

  it('without reconnect, a missing port is down and writes say not-open', async () => {
    const link = openSerialLink({
      path: join(tmpdir(), 'no-such-tty'),
      baud: 9600,
      logger: new MemoryLogger(),
      reconnect: false,
    });
    expect(await link.settled()).toBe('down');
    expect(await link.write(Uint8Array.from([1]))).toMatchObject({ ok: false, error: { code: 'not-open' } });
    await link.close();
  });

  it('notices the port vanishing (write error), reports down, and reconnects when it comes back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-unplug-'));
    let pty: PtyPair = await startPtyPair({ dir });
    const logger = new MemoryLogger();
    const link = openSerialLink({
      path: pty.kiosk,
      baud: 9600,
      logger,
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    });
    const seen: LinkStatus[] = [];
    link.onStatus((s) => seen.push(s));
    cleanups.push(async () => {
      await link.close();
      await pty.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    expect(await link.settled()).toBe('connected');
    await pty.stop();
    // A pty gives no close event: the next write is what finds out.
    await until(() => {
      void link.write(Uint8Array.from([0]));
      return link.status() !== 'connected';
    });
    await until(() => seen.includes('reconnecting'));
    pty = await startPtyPair({ dir });
    await until(() => link.status() === 'connected');
    expect(seen).toEqual(['connected', 'down', 'reconnecting', 'connected']);
    expect(await link.write(Uint8Array.from([1]))).toEqual({ ok: true, value: undefined });
    expect(logger.has('serial.lost')).toBe(true);
  });
});
