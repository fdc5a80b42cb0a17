import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../electron/adapters/sqlite/open-store';
import { sendDueAlerts, type AlertSenderDeps } from '../../../../electron/core/alerts/alert-sender';
import type { KioskStore } from '../../../../electron/core/ports/store';
import { outboxDelayMs } from '../../../../electron/core/redemption/outbox-worker';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { answer, failure, ScriptedHttp } from '../../../fakes/scripted-http';
import { header, signatureOf, TEST_ALERT_KEY, WEBHOOK } from './alert-harness';

let store: KioskStore;
let clock: ManualClock;
let http: ScriptedHttp;
let logger: MemoryLogger;
let deps: AlertSenderDeps;

beforeEach(() => {
  store = openStore(':memory:');
  clock = new ManualClock();
  http = new ScriptedHttp();
  logger = new MemoryLogger();
  deps = { store, http, clock, logger, webhookUrl: WEBHOOK, key: TEST_ALERT_KEY, stopped: () => false };
});
afterEach(() => {
  store.close();
});

const queueAlert = (id = 'a-1', at = clock.now()): string => {
  const payload = JSON.stringify({
    id,
    kind: 'board-down',
    severity: 'critical',
    machineNo: '12345678',
    machineName: 'Lobby',
    at: new Date(at).toISOString(),
    summary: 'Driver board 2 has not answered for 3 minutes.',
    detail: { addr: 2 },
  });
  store.enqueueOutbox('alert', null, payload, at);
  return payload;
};

const alertRows = () => store.dueOutbox(Number.MAX_SAFE_INTEGER, 50, 'alert');

describe('webhook sender', () => {
  it('posts the stored body byte for byte, signed over timestamp and body, and removes it on 2xx', async () => {
    const payload = queueAlert();
    http.script(answer(204, ''));
    await sendDueAlerts(deps);
    const [req] = http.requests;
    expect(req).toMatchObject({ method: 'POST', url: WEBHOOK, body: payload });
    const timestamp = header(req!, 'X-Kiosk-Timestamp');
    expect(timestamp).toBe(String(Math.floor(clock.now() / 1000)));
    expect(header(req!, 'X-Kiosk-Signature')).toBe(signatureOf(TEST_ALERT_KEY, timestamp!, payload));
    expect(header(req!, 'content-type')).toBe('application/json');
    expect(alertRows()).toEqual([]);
    expect(logger.has('alert.sent')).toBe(true);
    expect(logger.text()).not.toContain(TEST_ALERT_KEY);
  });

  it.each([
    ['a 503', answer(503, 'busy')],
    ['a 429', answer(429, 'slow down')],
    ['a 408', answer(408, '')],
    ['a timeout', failure('timeout')],
    ['a refused connection', failure('network', 'ECONNREFUSED')],
  ])(
    'keeps the alert after %s and tries again after the outbox backoff, same id and body',
    async (_n, first) => {
      const payload = queueAlert();
      http.script(first, answer(200, 'ok'));
      await sendDueAlerts(deps);
      expect(alertRows()).toMatchObject([{ attempts: 1, nextAttemptAt: clock.now() + outboxDelayMs(0) }]);
      await sendDueAlerts(deps);
      expect(http.requests).toHaveLength(1);
      await clock.advance(outboxDelayMs(0));
      await sendDueAlerts(deps);
      expect(http.requests.map((r) => r.body)).toEqual([payload, payload]);
      // A fresh timestamp per attempt, so a receiver can refuse old replays; the body does not change.
      expect(header(http.requests[1]!, 'X-Kiosk-Timestamp')).not.toBe(
        header(http.requests[0]!, 'X-Kiosk-Timestamp'),
      );
      expect(alertRows()).toEqual([]);
    },
  );

  it.each([400, 401, 404, 410, 301])('drops the alert with an error line on a %i', async (status) => {
    queueAlert();
    http.script(answer(status, 'no'));
    await sendDueAlerts(deps);
    expect(alertRows()).toEqual([]);
    expect(logger.lines.find((l) => l.event === 'alert.refused')).toMatchObject({
      level: 'error',
      fields: { status },
    });
  });

  it('drops an alert still undelivered after a day, without sending it', async () => {
    queueAlert('old', clock.now() - 86_400_001);
    await sendDueAlerts(deps);
    expect(http.requests).toEqual([]);
    expect(alertRows()).toEqual([]);
    expect(logger.has('alert.expired')).toBe(true);
  });

  it('starts no request once the kiosk is stopping, and keeps the alert queued with its id', async () => {
    queueAlert();
    await sendDueAlerts({ ...deps, stopped: () => true });
    expect(http.requests).toEqual([]);
    expect(alertRows()).toHaveLength(1);
  });

  it('ends the round with a log line, not a rejection, when the journal fails under it', async () => {
    queueAlert();
    http.script(answer(200, 'ok'));
    const failing = {
      ...deps,
      store: {
        ...store,
        deleteOutbox: () => {
          throw new Error('database is closed');
        },
      },
    };
    await expect(sendDueAlerts(failing)).resolves.toBeUndefined();
    expect(logger.has('alerts.send-failed')).toBe(true);
  });

  it('leaves the cloud reports alone, and they leave the alerts alone', async () => {
    store.enqueueOutbox('order', null, '{}', clock.now());
    queueAlert();
    http.script(answer(200, 'ok'));
    await sendDueAlerts(deps);
    expect(store.outboxLength()).toBe(1);
    expect(store.cloudBacklog()).toEqual({ length: 1, oldestAt: clock.now() });
    expect(store.dueOutbox(clock.now(), 50, 'order')).toHaveLength(1);
  });
});
