import { describe, expect, it } from 'vitest';
import { createVendorAdmin } from '../../../../electron/core/cloud/vendor-admin';
import { envelope, sentFields } from '../../../fakes/scripted-http';
import { harness } from './harness';

const admin = () => {
  const h = harness();
  return { ...h, admin: createVendorAdmin(h.options) };
};

describe('VendorAdmin', () => {
  it('cancels a code by record id with PUT /pickup_codes', async () => {
    const a = admin();
    a.http.script(envelope({}));
    expect(await a.admin.cancelCode(2111)).toEqual({ ok: true, value: undefined });
    expect(a.http.requests[0]?.method).toBe('PUT');
    expect(a.http.paths()).toEqual(['/api/openapi/v1/pickup_codes']);
    expect(sentFields(a.http.requests[0])).toMatchObject({ method: 'pickup_code.delete.id', id: '2111' });
  });

  it('creates codes with an expiry in UTC+8, or none', async () => {
    const a = admin();
    a.http.script(envelope({}), envelope([]));
    await a.admin.createCodes({
      productId: 131,
      count: 5,
      codeLength: 8,
      expiresAt: Date.UTC(2026, 0, 1, 16),
    });
    await a.admin.createCodes({ productId: 131, count: 1 });
    expect(a.http.requests[0]?.method).toBe('POST');
    expect(sentFields(a.http.requests[0])).toMatchObject({
      method: 'pickup_code.product.id',
      product_id: '131',
      count: '5',
      code_length: '8',
      expired_at: '2026-01-02 00:00:00',
    });
    const second = sentFields(a.http.requests[1]);
    expect(second.code_length).toBe('6');
    expect(second).not.toHaveProperty('expired_at');
  });

  it('refuses out-of-range requests before calling, and passes vendor refusals through', async () => {
    const a = admin();
    expect(await a.admin.createCodes({ productId: 1, count: 1, codeLength: 11 })).toMatchObject({
      ok: false,
    });
    expect(await a.admin.createCodes({ productId: 1, count: 0 })).toMatchObject({ ok: false });
    expect(a.http.requests).toHaveLength(0);
    a.http.script(envelope({}, 80002, '记录不存在'));
    expect(await a.admin.cancelCode(1)).toMatchObject({
      ok: false,
      error: { code: 'code-not-found', vendorCode: 80002 },
    });
  });

  it('refuses a non-https base URL like the kiosk client', () => {
    expect(() => createVendorAdmin({ ...harness().options, baseUrl: 'http://cloud.example.test' })).toThrow(
      /https/,
    );
  });
});
