import { describe, expect, it } from 'vitest';
import { answer, envelope, failure } from '../../../fakes/scripted-http';
import { harness, settle } from './harness';

const codesError = async (...script: Parameters<ReturnType<typeof harness>['http']['script']>) => {
  const h = harness({ retries: 0 });
  h.http.script(...script);
  const result = await h.cloud.listCodes(131);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
};

describe('answers that are failures', () => {
  it('a non-zero code keeps the vendor code, message and HTTP status', async () => {
    expect(await codesError(envelope({}, 30003, '设备不存在'))).toMatchObject({
      code: 'machine-unavailable',
      vendorCode: 30003,
      vendorMessage: '设备不存在',
      httpStatus: 200,
    });
  });

  it('HTTP 401 with code 10008 is an auth failure, not a bare HTTP error', async () => {
    expect(await codesError(envelope({}, 10008, 'missing appid', 401))).toMatchObject({
      code: 'auth',
      vendorCode: 10008,
      httpStatus: 401,
    });
  });

  it('a code given as a string is still a vendor code', async () => {
    expect(await codesError(answer(200, { code: '10023', message: 'off' }))).toMatchObject({
      code: 'feature-off',
      vendorCode: 10023,
    });
  });

  it('code 0 with data of the wrong shape is a failure that keeps the vendor message', async () => {
    const error = await codesError(envelope({}, 0, '订单未支付'));
    expect(error).toMatchObject({ code: 'malformed', vendorCode: 0, vendorMessage: '订单未支付' });
    expect(error.detail).toContain('订单未支付');
  });

  it('code 0 with a scalar where an order should be is a failure', async () => {
    const h = harness();
    h.http.script(envelope('ok'));
    const result = await h.cloud.consume({
      productId: 1,
      code: '12345678',
      tradeId: '20260101040000000000001',
    });
    expect(!result.ok && result.error.code).toBe('malformed');
  });

  it('a ping that answers anything but "pong" is a failure', async () => {
    const h = harness();
    h.http.script(envelope('hello'));
    expect(await h.cloud.ping()).toMatchObject({ ok: false, error: { code: 'malformed' } });
  });

  it.each([
    [
      'an HTML page with 200',
      answer(200, '<!DOCTYPE html><html><body>login</body></html>'),
      'malformed',
      /HTML page/,
    ],
    ['plain text', answer(200, 'Service unavailable'), 'malformed', /not JSON/],
    ['a truncated body', answer(200, '{"code":0,"message":"ok","data":[{"id":1,'), 'malformed', /truncated/],
    ['an empty body', answer(200, ''), 'malformed', /empty answer/],
    [
      'JSON without the envelope',
      answer(200, { hello: 'world' }),
      'malformed',
      /without the vendor envelope/,
    ],
    [
      'an nginx 502 page',
      answer(502, '<html><head><title>502 Bad Gateway</title></head></html>'),
      'http',
      /HTTP 502, an HTML page/,
    ],
    ['a 404 JSON without envelope', answer(404, { error: 'nope' }), 'http', /HTTP 404/],
    ['a 500 with a success envelope', envelope([], 0, 'ok', 500), 'http', /HTTP 500 with a success envelope/],
    ['a timeout', failure('timeout'), 'timeout', /no answer within 3000 ms/],
    ['a refused connection', failure('network', 'ECONNREFUSED: connect'), 'network', /ECONNREFUSED/],
  ])('%s becomes a typed error', async (_name, reply, code, detail) => {
    const error = await codesError(reply);
    expect(error.code).toBe(code);
    expect(error.detail).toMatch(detail);
  });

  it('logs each failure once with the vendor code and message', async () => {
    const h = harness();
    h.http.script(envelope({}, 6032, '取货码已过期'));
    await h.cloud.consume({ productId: 1, code: '12345678', tradeId: '20260101040000000000001' });
    const failed = h.logger.lines.filter((l) => l.event === 'cloud.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.fields).toMatchObject({
      call: 'consume',
      code: 'code-expired',
      vendorCode: 6032,
      vendorMessage: '取货码已过期',
    });
    expect(h.logger.text()).not.toContain('12345678"');
  });

  it('a failure after every retry reports the last error', async () => {
    const h = harness({ retries: 1 });
    h.http.script(failure('network', 'ECONNRESET: reset'), failure('timeout'));
    const result = await settle(h.clock, h.cloud.listCodes(1));
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });
});
