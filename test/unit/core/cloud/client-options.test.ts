import { describe, expect, it } from 'vitest';
import { envelope } from '../../../fakes/scripted-http';
import { harness } from './harness';

describe('construction', () => {
  it.each(['http://cloud.example.test', 'ftp://cloud.example.test', 'http://10.0.0.5:8080', 'not a url'])(
    'refuses base URL %s with a clear error',
    (baseUrl) => {
      expect(() => harness({ baseUrl })).toThrow(/base URL/);
    },
  );

  it.each(['https://cloud.example.test', 'http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:9'])(
    'accepts %s',
    (baseUrl) => {
      expect(() => harness({ baseUrl })).not.toThrow();
    },
  );

  it('refuses a URL with user info, a malformed machine number, missing credentials and bad settings', () => {
    expect(() => harness({ baseUrl: 'https://u:p@cloud.example.test' })).toThrow(
      /without a user name or password/,
    );
    expect(() => harness({ machineNo: '1234' })).toThrow(/8 digits/);
    expect(() => harness({ credentials: { appId: 'test-appid', appSecret: '', appKey: 'TESTKEY' } })).toThrow(
      /incomplete/,
    );
    expect(() => harness({ timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => harness({ retries: -1 })).toThrow(/retries/);
  });

  it('keeps a base path and drops a trailing slash', async () => {
    const h = harness({ baseUrl: 'https://cloud.example.test/vendor/' });
    h.http.script(envelope('pong'));
    await h.cloud.ping();
    expect(h.http.requests[0]?.url).toBe('https://cloud.example.test/vendor/api/openapi/v1/ping');
  });
});

describe('clockSkewMs', () => {
  it('is null before any answer, then server time minus local time from the Date header', async () => {
    const h = harness();
    expect(h.cloud.clockSkewMs()).toBeNull();
    // The local clock reads 04:00:00.000; the server says 04:02:00 (whole seconds, read as mid-second).
    h.http.script(() => ({
      ok: true,
      value: {
        status: 200,
        headers: { date: 'Thu, 01 Jan 2026 04:02:00 GMT' },
        body: '{"code":0,"data":"pong"}',
      },
    }));
    await h.cloud.ping();
    expect(h.cloud.clockSkewMs()).toBe(120_500);
  });

  it('keeps the last good value when a Date header is missing or unreadable', async () => {
    const h = harness();
    const reply = (date?: string) => () => {
      const headers: Record<string, string> = date === undefined ? {} : { date };
      return { ok: true as const, value: { status: 200, headers, body: '{"code":0,"data":"pong"}' } };
    };
    h.http.script(reply('Thu, 01 Jan 2026 03:59:00 GMT'), reply(), reply('garbage'));
    await h.cloud.ping();
    await h.cloud.ping();
    await h.cloud.ping();
    expect(h.cloud.clockSkewMs()).toBe(-59_500);
  });
});
