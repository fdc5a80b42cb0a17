import { describe, expect, it } from 'vitest';
import { ok } from '../../../../electron/contract/result';
import type { LinkSupervisorOptions } from '../../../../electron/core/link/link-supervisor';
import { createLinkSupervisor } from '../../../../electron/core/link/link-supervisor';
import type { LinkStatus } from '../../../../electron/core/ports/serial-link';
import type { SerialPipeOpener } from '../../../../electron/core/ports/serial-pipe';
import { FakePipe, FakePipeOpener } from '../../../fakes/fake-serial-pipe';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';

type Answer = Parameters<FakePipeOpener['answer']>[0];

const setup = (
  options: { answers?: Answer[]; fallback?: Answer } & Partial<Omit<LinkSupervisorOptions, 'open'>> = {},
) => {
  const { answers = [], fallback = 'ok', ...over } = options;
  const clock = new ManualClock();
  const t0 = clock.now();
  const logger = new MemoryLogger();
  const opener = new FakePipeOpener(() => clock.now() - t0);
  opener.answer(...answers);
  opener.fallback = fallback;
  const link = createLinkSupervisor({
    path: '/dev/ttyFake',
    baud: 9600,
    clock,
    logger,
    open: opener.open,
    ...over,
  });
  const seen: LinkStatus[] = [];
  link.onStatus((s) => seen.push(s));
  const whyLost = () => logger.lines.filter((l) => l.event === 'serial.lost').map((l) => l.fields.why);
  return { clock, logger, opener, link, seen, whyLost };
};

/** A probe the test answers: each call waits for the next value in `answers` (true when it runs out). */
const scriptedProbe = (answers: boolean[]) => {
  const calls: number[] = [];
  return { calls, probe: () => (calls.push(calls.length), Promise.resolve(answers.shift() ?? true)) };
};

describe('link supervisor', () => {
  it('opens the pipe, reports connected and carries bytes both ways', async () => {
    const { link, opener, seen, logger } = setup();
    expect(await link.settled()).toBe('connected');
    expect(seen).toEqual(['connected']);
    expect(logger.lines.find((l) => l.event === 'serial.status')?.fields).toEqual({
      path: '/dev/ttyFake',
      status: 'connected',
    });
    const got: number[] = [];
    link.onData((c) => got.push(...c));
    expect(await link.write(Uint8Array.from([1, 3]))).toEqual(ok(undefined));
    opener.last().emitData([1, 3, 2, 0, 0]);
    expect(opener.last().written).toEqual([Uint8Array.from([1, 3])]);
    expect(got).toEqual([1, 3, 2, 0, 0]);
  });

  it('counts an opener that throws as a failed attempt and keeps retrying', async () => {
    const clock = new ManualClock();
    const logger = new MemoryLogger();
    const good = new FakePipeOpener(() => 0);
    good.fallback = 'ok';
    let calls = 0;
    const open: SerialPipeOpener = (target) => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('driver exploded')) : good.open(target);
    };
    const link = createLinkSupervisor({ path: '/dev/ttyFake', baud: 9600, clock, logger, open });
    await clock.advance(300);
    expect(logger.lines.some((l) => l.event === 'serial.open-threw')).toBe(true);
    expect(calls).toBe(2);
    expect(link.status()).toBe('connected');
    await link.close();
  });

  it('retries a missing port with backoff doubling from 250 ms up to the 5 s cap', async () => {
    const { link, opener, clock, seen, logger } = setup({ fallback: 'open-failed' });
    expect(await link.settled()).toBe('reconnecting');
    await clock.advance(60_000);
    const gaps = opener.attemptsAt.slice(1).map((at, i) => at - opener.attemptsAt[i]!);
    expect(gaps.slice(0, 8)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    expect(seen).toEqual([]);
    const attempts = logger.lines
      .filter((l) => l.event === 'serial.open-failed')
      .map((l) => l.fields.attempt);
    expect(attempts.slice(0, 4)).toEqual([0, 1, 2, 3]);
    await link.close();
  });

  it('takes its backoff from the options', async () => {
    const { opener, clock, link } = setup({
      fallback: 'open-failed',
      reconnect: { initialDelayMs: 100, factor: 3, maxDelayMs: 1000 },
    });
    await clock.advance(3300);
    expect(opener.attemptsAt).toEqual([0, 100, 400, 1300, 2300, 3300]);
    await link.close();
  });

  it('connects once a port appears, and starts the next backoff from the beginning', async () => {
    const { opener, clock, link, seen } = setup({ answers: ['open-failed', 'open-failed', 'ok'] });
    await clock.advance(750);
    expect(link.status()).toBe('connected');
    opener.last().vanish();
    await clock.advance(250);
    expect(opener.attemptsAt).toEqual([0, 250, 750, 1000]);
    expect(seen).toEqual(['connected', 'down', 'reconnecting', 'connected']);
    await link.close();
  });

  it('calls two failed heartbeats in a row a lost port; one failure alone is not', async () => {
    const { probe, calls } = scriptedProbe([true, false, true, false, false]);
    const { link, clock, seen, opener, whyLost } = setup({ heartbeat: probe });
    expect(await link.settled()).toBe('connected');
    await clock.advance(6000);
    expect(calls).toHaveLength(4);
    expect(link.status()).toBe('connected');
    await clock.advance(2000);
    expect(seen).toEqual(['connected', 'down']);
    expect(whyLost()).toEqual(['heartbeat failed']);
    expect(opener.pipes[0]!.closed).toBe(true);
    await link.close();
  });

  it('after a loss: down, then reconnecting, and connected only once the probe answers', async () => {
    // Opening probe ok; two heartbeats fail; the first reopen is not answered, the second is.
    const { probe } = scriptedProbe([true, false, false, false]);
    const { link, clock, seen, opener, whyLost } = setup({ heartbeat: probe });
    await clock.advance(4000);
    expect(seen).toEqual(['connected', 'down']);
    await clock.advance(250);
    expect(opener.pipes).toHaveLength(2);
    expect(link.status()).toBe('reconnecting');
    expect(whyLost()).toEqual(['heartbeat failed', 'no answer after opening']);
    expect(opener.pipes[1]!.closed).toBe(true);
    await clock.advance(500);
    expect(opener.pipes).toHaveLength(3);
    expect(seen).toEqual(['connected', 'down', 'reconnecting', 'connected']);
    await link.close();
  });

  it('stays reconnecting while the opening probe is still out', async () => {
    let answer: ((alive: boolean) => void) | null = null;
    const { link, clock, opener } = setup({
      heartbeat: () => new Promise<boolean>((resolve) => (answer = resolve)),
    });
    await clock.advance(10);
    expect(opener.pipes).toHaveLength(1);
    expect(link.status()).toBe('reconnecting');
    // The probe's own request must get through: the pipe is usable before the link says connected.
    expect(await link.write(Uint8Array.from([1]))).toEqual(ok(undefined));
    answer!(true);
    expect(await link.settled()).toBe('connected');
    await link.close();
  });

  it('counts a probe that throws as a failure, and uses the probe set later', async () => {
    const { link, clock, logger, seen } = setup();
    await link.settled();
    link.setHeartbeat(() => Promise.reject(new Error('EIO')));
    await clock.advance(4000);
    expect(logger.has('serial.heartbeat-error')).toBe(true);
    expect(seen).toEqual(['connected', 'down']);
    link.setHeartbeat(undefined);
    await clock.advance(250);
    expect(link.status()).toBe('connected');
    await link.close();
  });

  it('notices the OS closing the port, and ignores bytes from the pipe it gave up', async () => {
    const { link, opener, clock, seen, whyLost } = setup();
    await link.settled();
    const got: number[] = [];
    link.onData((c) => got.push(...c));
    const old = opener.last();
    old.vanish('port error: EIO');
    old.emitData([9]);
    expect(whyLost()).toEqual(['port error: EIO']);
    expect(await link.write(Uint8Array.from([1]))).toMatchObject({ ok: false, error: { code: 'not-open' } });
    await clock.advance(250);
    expect(seen).toEqual(['connected', 'down', 'reconnecting', 'connected']);
    expect(got).toEqual([]);
    await link.close();
  });

  it('answers not-open before any port is open and after close', async () => {
    const { link } = setup({ fallback: 'open-failed' });
    await link.settled();
    expect(await link.write(Uint8Array.from([1]))).toEqual({
      ok: false,
      error: { code: 'not-open', message: 'serial port /dev/ttyFake is not open' },
    });
    await link.close();
    expect(await link.write(Uint8Array.from([1]))).toMatchObject({ ok: false, error: { code: 'not-open' } });
  });

  it('gives up a port whose write fails', async () => {
    const { link, opener, seen, whyLost } = setup();
    await link.settled();
    opener.last().failNextWrite('write-failed');
    expect(await link.write(Uint8Array.from([1]))).toEqual({
      ok: false,
      error: { code: 'write-failed', message: 'EIO (fake)' },
    });
    expect(whyLost()).toEqual(['write failed: EIO (fake)']);
    expect(seen).toEqual(['connected', 'down']);
    await link.close();
  });

  it('bounds a write the OS never accepts, and gives the port up', async () => {
    const { link, opener, clock, whyLost } = setup();
    await link.settled();
    opener.last().failNextWrite('hang');
    const pending = link.write(Uint8Array.from([1]));
    await clock.advance(1999);
    expect(link.status()).toBe('connected');
    await clock.advance(1);
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'write-failed', message: 'write not accepted within 2000 ms' },
    });
    expect(whyLost()).toEqual(['write not accepted']);
    expect(link.status()).toBe('down');
    await link.close();
  });

  it('close stops every timer and closes the pipe, whether heartbeating or backing off', async () => {
    const live = setup({ heartbeat: () => Promise.resolve(true) });
    await live.link.settled();
    expect(live.clock.pendingTimers()).toBe(1);
    await live.link.close();
    expect(live.clock.pendingTimers()).toBe(0);
    expect(live.opener.last().closed).toBe(true);
    expect(live.seen).toEqual(['connected', 'down']);

    const missing = setup({ fallback: 'open-failed' });
    await missing.link.settled();
    await missing.link.close();
    expect(missing.clock.pendingTimers()).toBe(0);
    await missing.clock.advance(60_000);
    expect(missing.opener.attemptsAt).toEqual([0]);
  });

  it('closes a pipe whose open finishes after the link was closed', async () => {
    const late = new FakePipe();
    let grant: (() => void) | null = null;
    const open: SerialPipeOpener = () =>
      new Promise((resolve) => {
        grant = () => {
          resolve(ok(late));
        };
      });
    const link = createLinkSupervisor({
      path: '/dev/ttyFake',
      baud: 9600,
      clock: new ManualClock(),
      logger: new MemoryLogger(),
      open,
    });
    await link.close();
    grant!();
    await link.settled();
    await Promise.resolve();
    expect(late.closed).toBe(true);
    expect(link.status()).toBe('down');
  });

  describe('without reconnect (one-shot commands)', () => {
    it('tries a missing port once and settles down', async () => {
      const { link, opener, clock, logger } = setup({ fallback: 'open-failed', reconnect: false });
      expect(await link.settled()).toBe('down');
      expect(clock.pendingTimers()).toBe(0);
      await clock.advance(60_000);
      expect(opener.attemptsAt).toEqual([0]);
      expect(logger.has('serial.open-failed')).toBe(true);
    });

    it('reports a lost port as down and does not reopen it', async () => {
      const { link, opener, clock, seen } = setup({ reconnect: false });
      expect(await link.settled()).toBe('connected');
      opener.last().vanish();
      await clock.advance(60_000);
      expect(seen).toEqual(['connected', 'down']);
      expect(opener.pipes).toHaveLength(1);
    });

    it('settles down when the opening probe is not answered', async () => {
      const { link, opener } = setup({ reconnect: false, heartbeat: () => Promise.resolve(false) });
      expect(await link.settled()).toBe('down');
      expect(opener.last().closed).toBe(true);
    });
  });

  it('stays down without retrying when the options are malformed', async () => {
    const { link, opener, clock, logger } = setup({ answers: ['bad-options'] });
    expect(await link.settled()).toBe('down');
    await clock.advance(60_000);
    expect(opener.attemptsAt).toEqual([0]);
    expect(logger.lines.find((l) => l.event === 'serial.bad-options')?.level).toBe('error');
  });
});
