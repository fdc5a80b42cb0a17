import { afterEach, describe, expect, it } from 'vitest';
import { err } from '../../../../electron/contract/result';
import { sleep } from '../../../../electron/core/ports/clock';
import { answer, failure } from '../../../fakes/scripted-http';
import { codes } from '../redemption/harness';
import {
  bodyOf,
  header,
  signatureOf,
  startAlertHarness,
  TEST_ALERT_KEY,
  type AlertHarness,
} from './alert-harness';

let h: AlertHarness | undefined;
afterEach(async () => {
  await h?.core.stop();
  h?.store.close();
  h = undefined;
});

const MIN = 60_000;
const kinds = (x: AlertHarness): unknown[] => x.alerts().map((r) => bodyOf(r).kind);
const silent = err({ code: 'timeout' as const, message: 'no reply within 300 ms' });

describe('alerts from the running core', () => {
  it('sends an unknown outcome once, signed, with the masked code and no clear code, also after a restart', async () => {
    h = await startAlertHarness();
    h.board.queue({ outcome: 'unknown', reason: 'no answer from the board' });
    await h.core.submitCode(codes.one);
    await h.clock.advance(35_000);
    expect(kinds(h)).toEqual(['unknown-outcome']);
    const [req] = h.alerts();
    const body = req?.body ?? '';
    const timestamp = header(req!, 'x-kiosk-timestamp') ?? '';
    expect(header(req!, 'x-kiosk-signature')).toBe(signatureOf(TEST_ALERT_KEY, timestamp, body));
    // Whole seconds, taken when the request left (at most one look and one send round ago).
    expect(h.clock.now() - Number(timestamp) * 1000).toBeLessThanOrEqual(35_000);
    expect(bodyOf(req!)).toMatchObject({
      kind: 'unknown-outcome',
      severity: 'critical',
      machineNo: '12345678',
      machineName: 'Pickup Kiosk',
      detail: { addr: 1, slot: 0, code: '******57' },
    });
    expect(body).not.toContain(codes.one);
    expect(body).not.toContain(TEST_ALERT_KEY);
    expect(h.store.outboxLength()).toBe(0);

    await h.restart();
    await h.clock.advance(5 * MIN);
    expect(h.alerts()).toHaveLength(1);
    // An operator's unlock ends it without a word: they are the one who knew.
    h.core.clearSlotLock(1, 0);
    await h.clock.advance(MIN);
    expect(h.alerts()).toHaveLength(1);
  });

  it('alerts a board down for longer than boardDownMinutes, and clears it when the board answers again', async () => {
    h = await startAlertHarness({ start: false });
    h.board.hardware.set(2, silent);
    await h.core.start();
    await h.clock.advance(2.5 * MIN);
    expect(h.alerts()).toHaveLength(0);
    await h.clock.advance(1.5 * MIN);
    expect(kinds(h)).toEqual(['board-down']);
    h.board.hardware.delete(2);
    await h.clock.advance(2 * MIN);
    expect(kinds(h)).toEqual(['board-down', 'cleared']);
    const [down, cleared] = h.alerts().map(bodyOf);
    expect(cleared?.detail).toEqual({ clears: 'board-down', alertId: down?.id });
  });

  it('alerts refused credentials and pickup codes switched off, and clears them on the next good answer', async () => {
    // Only the refreshes the test makes: the hot products' polling would answer the queued refusals itself.
    h = await startAlertHarness({
      config: {
        cloud: {
          baseUrl: 'https://cloud.invalid',
          notifyUrl: 'https://cloud.invalid/notify',
          cacheRefreshSeconds: 300,
          hotProducts: 0,
        },
      },
    });
    h.cloud.failNext(10013, 'listProducts');
    await h.core.refreshCache();
    await h.clock.advance(35_000);
    expect(kinds(h)).toEqual(['cloud-auth']);
    expect(bodyOf(h.alerts()[0]!).detail).toMatchObject({ call: 'listProducts', vendorCode: 10013 });

    // Switched off answers every pickup-code call so: each product's list is refused.
    for (let i = 0; i < 10; i++) h.cloud.failNext(10023, 'listCodes');
    await h.core.refreshCache();
    await h.clock.advance(35_000);
    // listProducts answered this time: the credentials are fine again.
    expect(kinds(h)).toEqual(['cloud-auth', 'pickup-codes-off', 'cleared']);
    await h.core.refreshCache();
    await h.clock.advance(35_000);
    expect(kinds(h)).toEqual(['cloud-auth', 'pickup-codes-off', 'cleared', 'cleared']);
  });

  it('holds back what is over maxPerHour and logs it', async () => {
    h = await startAlertHarness({ alerts: { maxPerHour: 1 } });
    h.board.queue({ outcome: 'unknown', reason: 'no answer' }, { outcome: 'unknown', reason: 'no answer' });
    await h.core.submitCode(codes.one);
    await h.core.submitCode(codes.boardTwo);
    await h.clock.advance(35_000);
    expect(h.alerts()).toHaveLength(1);
    expect(h.logger.has('alert.rate-limited')).toBe(true);
    await h.clock.advance(60 * MIN);
    expect(h.alerts()).toHaveLength(2);
  });

  it('a webhook that hangs holds back no order report', async () => {
    h = await startAlertHarness();
    const clock = h.clock;
    h.http.fallback = async () => {
      await sleep(clock, 10_000);
      return failure('timeout');
    };
    h.board.queue({ outcome: 'unknown', reason: 'no answer' });
    await h.core.submitCode(codes.one);
    await h.clock.advance(31_000);
    expect(h.alerts()).toHaveLength(1);
    await expect(h.core.submitCode(codes.two)).resolves.toMatchObject({ ok: true });
    await h.clock.advance(6000);
    // The alert is still waiting for its receiver; both orders reached the cloud meanwhile.
    expect(h.cloud.calls.filter((c) => c.call === 'uploadOrders').length).toBeGreaterThan(0);
    expect(h.store.cloudBacklog().length).toBe(0);
    expect(h.store.outboxLength()).toBe(1);
    h.http.fallback = () => answer(200, 'ok');
    await h.clock.advance(20_000);
    expect(h.store.outboxLength()).toBe(0);
  });
});

describe('alerts switched off', () => {
  it('without a webhook URL: logged once, nothing sent', async () => {
    h = await startAlertHarness({ alerts: { webhookUrl: null } });
    h.board.queue({ outcome: 'unknown', reason: 'no answer' });
    await h.core.submitCode(codes.one);
    await h.clock.advance(5 * MIN);
    expect(h.alerts()).toHaveLength(0);
    expect(h.logger.lines.filter((l) => l.event === 'alerts.off')).toHaveLength(1);
  });

  it('with a URL but no alert key: refused with an error line, never sent unsigned', async () => {
    h = await startAlertHarness({ key: null });
    h.board.queue({ outcome: 'unknown', reason: 'no answer' });
    await h.core.submitCode(codes.one);
    await h.clock.advance(5 * MIN);
    expect(h.alerts()).toHaveLength(0);
    expect(h.logger.lines.find((l) => l.event === 'alerts.refused')).toMatchObject({ level: 'error' });
  });
});
