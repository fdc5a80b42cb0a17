import { describe, expect, it } from 'vitest';
import {
  credentialFieldProblem,
  parseProvisioning,
  serializeProvisioning,
} from '../../../../electron/core/credentials/provisioning-file';

const credentials = { appId: 'test-appid', appSecret: 'test-secret', appKey: 'TESTKEY' };
const SECRETS = Object.values(credentials);

describe('provisioning file', () => {
  it('round-trips machine number and credentials', () => {
    const text = serializeProvisioning({ machineNo: '12345678', credentials });
    expect(JSON.parse(text)).toEqual({
      kind: 'pickup-kiosk-provisioning',
      version: 1,
      machineNo: '12345678',
      ...credentials,
    });
    expect(parseProvisioning(text)).toEqual({ ok: true, value: { machineNo: '12345678', credentials } });
  });

  it.each([
    ['not JSON', 'test-secret is not json'],
    [
      'another kind of file',
      JSON.stringify({ kind: 'other', version: 1, machineNo: '12345678', ...credentials }),
    ],
    [
      'a missing key',
      JSON.stringify({
        kind: 'pickup-kiosk-provisioning',
        version: 1,
        machineNo: '12345678',
        appId: 'test-appid',
        appSecret: 'test-secret',
      }),
    ],
    [
      'a value with spaces',
      JSON.stringify({
        kind: 'pickup-kiosk-provisioning',
        version: 1,
        machineNo: '12345678',
        ...credentials,
        appKey: 'TESTKEY with spaces',
      }),
    ],
    [
      'an extra field',
      JSON.stringify({
        kind: 'pickup-kiosk-provisioning',
        version: 1,
        machineNo: '12345678',
        ...credentials,
        note: 'TESTKEY',
      }),
    ],
  ])('rejects %s without echoing any value', (_name, text) => {
    const parsed = parseProvisioning(text);
    expect(parsed.ok).toBe(false);
    const message = parsed.ok ? '' : parsed.error;
    for (const secret of SECRETS) expect(message).not.toContain(secret);
  });

  it('names the field, not the value, of a bad credential', () => {
    expect(credentialFieldProblem('$KIOSK_APPKEY', undefined)).toBe('$KIOSK_APPKEY is missing');
    expect(credentialFieldProblem('$KIOSK_APPKEY', 'TEST KEY')).toBe(
      '$KIOSK_APPKEY must be 1–256 printable characters without spaces',
    );
    expect(credentialFieldProblem('$KIOSK_APPKEY', 'TESTKEY')).toBeUndefined();
  });
});
