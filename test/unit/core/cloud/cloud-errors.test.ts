import { describe, expect, it } from 'vitest';
import {
  classifyVendorCode,
  describeCloudError,
  isTransient,
  vendorError,
} from '../../../../electron/core/cloud/cloud-errors';
import { cloudError } from '../../../../electron/core/cloud/cloud-errors';

describe('vendor codes, both schemes', () => {
  it.each([
    [10008, 'auth'],
    [10009, 'auth'],
    [10010, 'auth'],
    [10013, 'auth'],
    [10014, 'auth'],
    [4006, 'auth'],
    [10023, 'feature-off'],
    [10025, 'code-used'],
    [6033, 'code-used'],
    [6035, 'code-used'],
    [6032, 'code-expired'],
    [80002, 'code-not-found'],
    [30001, 'machine-unavailable'],
    [30002, 'machine-unavailable'],
    [30003, 'machine-unavailable'],
    [30004, 'machine-unavailable'],
    [60002, 'stock'],
    [60003, 'stock'],
    [6047, 'stock'],
    [10001, 'vendor'],
    [40005, 'vendor'],
    [40006, 'vendor'],
    [99999, 'vendor'],
  ])('%i → %s', (vendorCode, code) => {
    expect(classifyVendorCode(vendorCode)).toBe(code);
  });

  it('keeps the vendor code and message and points the operator somewhere', () => {
    const e = vendorError(4006, '签名错误', 200, 'ping');
    expect(e).toMatchObject({ code: 'auth', vendorCode: 4006, vendorMessage: '签名错误', httpStatus: 200 });
    expect(e.detail).toMatch(/^ping: refused by the vendor; check AppId, AppSecret and AppKey/);
    expect(describeCloudError(e)).toMatch(/^vendor code 4006 \(签名错误\) \[auth\]/);
    expect(describeCloudError(cloudError('timeout', 'x: slow'))).toBe('timeout: x: slow');
  });

  it('calls only network trouble, timeouts, 5xx and 429 transient', () => {
    expect(isTransient(cloudError('network', ''))).toBe(true);
    expect(isTransient(cloudError('timeout', ''))).toBe(true);
    expect(isTransient(cloudError('http', '', { httpStatus: 503 }))).toBe(true);
    expect(isTransient(cloudError('http', '', { httpStatus: 429 }))).toBe(true);
    expect(isTransient(cloudError('http', '', { httpStatus: 404 }))).toBe(false);
    expect(isTransient(cloudError('malformed', ''))).toBe(false);
    expect(isTransient(vendorError(30002, '', 200, ''))).toBe(false);
  });
});
