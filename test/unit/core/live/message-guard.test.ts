import { describe, expect, it } from 'vitest';
import { createMessageGuard } from '../../../../electron/core/live/message-guard';

const now = 1_760_000_000_000;
const nowSeconds = now / 1000;
const message = (over: Record<string, string> = {}): Record<string, string> => ({
  timestamp: String(nowSeconds),
  method: 'client.machine.refresh',
  client_id: '12345678',
  sign: 'A'.repeat(32),
  ...over,
});
const signOf = (n: number): string => n.toString(16).toUpperCase().padStart(32, '0');

describe('message guard: the time window', () => {
  const guard = () => createMessageGuard({ toleranceSeconds: 300 });

  it.each([
    ['exactly tolerance old', nowSeconds - 300, true],
    ['one second older than tolerance', nowSeconds - 301, false],
    ['exactly tolerance ahead', nowSeconds + 300, true],
    ['one second further ahead than tolerance', nowSeconds + 301, false],
    ['on time', nowSeconds, true],
  ])('%s', (_name, timestamp, accepted) => {
    expect(guard().check(message({ timestamp: String(timestamp) }), now).ok).toBe(accepted);
  });

  it('names which side of the window a refused message is on', () => {
    expect(guard().check(message({ timestamp: String(nowSeconds - 301) }), now)).toEqual({
      ok: false,
      error: 'stale',
    });
    expect(guard().check(message({ timestamp: String(nowSeconds + 301) }), now)).toEqual({
      ok: false,
      error: 'future',
    });
  });

  it('reads a millisecond timestamp as far in the future, not as now', () => {
    expect(guard().check(message({ timestamp: String(now) }), now)).toEqual({ ok: false, error: 'future' });
  });

  it('uses the injected clock, to the millisecond', () => {
    const at = message({ timestamp: String(nowSeconds - 300) });
    expect(guard().check(at, now + 1).ok).toBe(false);
    expect(guard().check(at, now).ok).toBe(true);
  });
});

describe('message guard: required fields', () => {
  const guard = () => createMessageGuard({ toleranceSeconds: 300 });
  it.each([
    ['no timestamp', { timestamp: undefined }],
    ['an empty timestamp', { timestamp: '' }],
    ['a negative timestamp', { timestamp: `-${nowSeconds}` }],
    ['a fractional timestamp', { timestamp: `${nowSeconds}.5` }],
    ['an exponent', { timestamp: '1.76e9' }],
    ['no method', { method: undefined }],
    ['an empty method', { method: '' }],
    ['no sign', { sign: undefined }],
  ])('%s is missing-fields', (_name, over) => {
    const fields = Object.fromEntries(
      Object.entries({ ...message(), ...over }).filter((e): e is [string, string] => e[1] !== undefined),
    );
    expect(guard().check(fields, now)).toEqual({ ok: false, error: 'missing-fields' });
  });
});

describe('message guard: the machine', () => {
  const guard = () => createMessageGuard({ toleranceSeconds: 300, machineNo: '12345678' });

  it('accepts its own machine number', () => {
    expect(guard().check(message(), now)).toEqual({ ok: true, value: undefined });
  });

  it('refuses another machine number, even one that differs only by padding', () => {
    expect(guard().check(message({ client_id: '87654321' }), now)).toEqual({
      ok: false,
      error: 'wrong-machine',
    });
    expect(guard().check(message({ client_id: '012345678' }), now)).toEqual({
      ok: false,
      error: 'wrong-machine',
    });
  });

  it('wants a client_id when it knows its machine number', () => {
    const { client_id: _dropped, ...fields } = message();
    expect(guard().check(fields, now)).toEqual({ ok: false, error: 'missing-fields' });
  });

  it('does not look at client_id when no machine number is given', () => {
    const open = createMessageGuard({ toleranceSeconds: 300 });
    expect(open.check(message({ client_id: 'anything' }), now).ok).toBe(true);
  });
});

describe('message guard: replays', () => {
  it('refuses the same sign a second time, also in lower case', () => {
    const guard = createMessageGuard({ toleranceSeconds: 300 });
    expect(guard.check(message({ sign: 'ABCDEF' }), now).ok).toBe(true);
    expect(guard.check(message({ sign: 'ABCDEF' }), now + 1000)).toEqual({ ok: false, error: 'replayed' });
    expect(guard.check(message({ sign: 'abcdef' }), now + 1000)).toEqual({ ok: false, error: 'replayed' });
    expect(guard.check(message({ sign: 'ABCDEG' }), now + 1000).ok).toBe(true);
  });

  it('does not remember a refused message', () => {
    const guard = createMessageGuard({ toleranceSeconds: 300 });
    expect(guard.check(message({ timestamp: String(nowSeconds - 301) }), now).ok).toBe(false);
    expect(guard.remembered()).toBe(0);
  });

  it('forgets a sign once its message is outside the window, and then refuses it as stale', () => {
    const guard = createMessageGuard({ toleranceSeconds: 300 });
    expect(guard.check(message({ sign: signOf(1) }), now).ok).toBe(true);
    expect(guard.check(message({ sign: signOf(1) }), now + 300_000)).toEqual({
      ok: false,
      error: 'replayed',
    });
    expect(guard.check(message({ sign: signOf(2) }), now + 300_001).ok).toBe(false);
    const fresh = message({ sign: signOf(3), timestamp: String(nowSeconds + 301) });
    expect(guard.check(fresh, now + 301_000).ok).toBe(true);
    expect(guard.remembered()).toBe(1);
    expect(guard.check(message({ sign: signOf(1) }), now + 301_000)).toEqual({ ok: false, error: 'stale' });
  });

  it('keeps at most rememberMax signs, evicting the oldest', () => {
    const guard = createMessageGuard({ toleranceSeconds: 300, rememberMax: 3 });
    for (let n = 1; n <= 5; n++) expect(guard.check(message({ sign: signOf(n) }), now).ok).toBe(true);
    expect(guard.remembered()).toBe(3);
    expect(guard.check(message({ sign: signOf(5) }), now).ok).toBe(false);
    expect(guard.check(message({ sign: signOf(3) }), now).ok).toBe(false);
    // The price of the bound: the oldest, evicted, would pass again inside its window.
    expect(guard.check(message({ sign: signOf(1) }), now).ok).toBe(true);
  });

  it('stays at the default bound of 10,000 under a flood', () => {
    const guard = createMessageGuard({ toleranceSeconds: 300 });
    for (let n = 0; n < 12_000; n++) guard.check(message({ sign: signOf(n) }), now);
    expect(guard.remembered()).toBe(10_000);
    expect(guard.check(message({ sign: signOf(11_999) }), now)).toEqual({ ok: false, error: 'replayed' });
  });
});
