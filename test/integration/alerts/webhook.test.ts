import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNodeHttpClient } from '../../../electron/adapters/node-http';
import { err } from '../../../electron/contract/result';
import { demoCredentials } from '../../../electron/sim/cloud/demo-seed';
import { codes } from '../../unit/core/redemption/harness';
import { startAlertHarness, TEST_ALERT_KEY, type AlertHarness } from '../../unit/core/alerts/alert-harness';

/** One request as the receiver saw it: the body as raw bytes, before anything parsed it. */
type Received = { headers: IncomingHttpHeaders; raw: Buffer; status: number };

/** A webhook receiver on 127.0.0.1 that answers 503 to its first request and 200 to the rest. */
const startReceiver = async (): Promise<{ server: Server; url: string; received: Received[] }> => {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = received.length === 0 ? 503 : 200;
      received.push({ headers: req.headers, raw: Buffer.concat(chunks), status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'busy');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/kiosk-alerts`, received };
};

/** What a receiver must do: recompute over `<timestamp>.<raw body>` and compare in constant time. */
const signedByMachine = (r: Received): boolean => {
  const timestamp = String(r.headers['x-kiosk-timestamp']);
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', TEST_ALERT_KEY)
      .update(Buffer.concat([Buffer.from(`${timestamp}.`), r.raw]))
      .digest('hex')}`,
  );
  const given = Buffer.from(String(r.headers['x-kiosk-signature']));
  return given.length === expected.length && timingSafeEqual(given, expected);
};

type Alert = { id: string; kind: string; detail: Record<string, unknown> };
const bodyOf = (r: Received): Alert => JSON.parse(r.raw.toString('utf8')) as Alert;

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let h: AlertHarness | undefined;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await h?.core.stop();
  h?.store.close();
  h = undefined;
  await new Promise((resolve) => receiver.server.close(resolve));
});

describe('webhook alerts to a real receiver on 127.0.0.1', () => {
  it('delivers each alert exactly once, signed, through a first 503, with nothing secret in any body', async () => {
    h = await startAlertHarness({
      start: false,
      alerts: { webhookUrl: receiver.url },
      http: createNodeHttpClient(),
    });
    h.board.hardware.set(2, err({ code: 'timeout', message: 'no reply within 300 ms' }));
    await h.core.start();
    h.board.queue({ outcome: 'unknown', reason: 'no answer from the board' });
    await h.core.submitCode(codes.one);
    h.cloud.failNext(10013, 'listProducts');
    await h.core.refreshCache();
    const alertRows = () => h!.store.dueOutbox(Number.MAX_SAFE_INTEGER, 50, 'alert');

    // The first look after these queues two alerts; the first request is refused 503, the second delivered.
    await h.clock.advance(35_000);
    await vi.waitFor(() => {
      expect(receiver.received).toHaveLength(2);
      expect(alertRows()).toMatchObject([{ attempts: 1 }]);
    });
    // The refused one comes again after the outbox's first backoff (5 s), same body, and is delivered.
    await h.clock.advance(5000);
    await vi.waitFor(() => {
      expect(receiver.received).toHaveLength(3);
      expect(alertRows()).toEqual([]);
    });
    expect(receiver.received[2]?.raw.equals(receiver.received[0]!.raw)).toBe(true);

    // Board 2 has been down since start: sent once it is past boardDownMinutes, then never again.
    for (let i = 0; i < 6; i++) await h.clock.advance(30_000);
    await vi.waitFor(() => {
      expect(receiver.received).toHaveLength(4);
    });
    // The cache refresh at 5 minutes is answered: the credentials work again, which is said once.
    for (let i = 0; i < 10; i++) await h.clock.advance(30_000);
    await vi.waitFor(() => {
      expect(receiver.received).toHaveLength(5);
    });
    for (let i = 0; i < 20; i++) await h.clock.advance(30_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(5);

    const delivered = receiver.received.filter((r) => r.status === 200).map(bodyOf);
    expect(delivered.map((a) => a.kind).sort()).toEqual([
      'board-down',
      'cleared',
      'cloud-auth',
      'unknown-outcome',
    ]);
    expect(new Set(delivered.map((a) => a.id)).size).toBe(4);
    const auth = delivered.find((a) => a.kind === 'cloud-auth');
    expect(delivered.find((a) => a.kind === 'cleared')).toMatchObject({
      detail: { clears: 'cloud-auth', alertId: auth?.id },
    });
    for (const r of receiver.received) {
      expect(signedByMachine(r)).toBe(true);
      expect(r.headers['content-type']).toBe('application/json');
      const text = r.raw.toString('utf8');
      const redemption = h.store.listRedemptions(['completed', 'reported'])[0];
      for (const secret of [
        TEST_ALERT_KEY,
        codes.one,
        demoCredentials.appId,
        demoCredentials.appSecret,
        demoCredentials.appKey,
        redemption?.codeHash ?? 'no-redemption',
      ])
        expect(text).not.toContain(secret);
    }
    const unknown = delivered.find((a) => a.kind === 'unknown-outcome');
    expect(unknown?.detail.code).toBe('******57');
  });
});
