import { describe, expect, it } from 'vitest';
import {
  parseProvisioning,
  serializeProvisioning,
} from '../../../../electron/core/credentials/provisioning-file';

const credentials = { appId: 'test-appid', appSecret: 'test-secret', appKey: 'TESTKEY' };
const alertKey = 'test-alert-key-0123456789';

describe('provisioning file: the optional alert key', () => {
  it('round-trips with the key, and reads a file without one as before', () => {
    const text = serializeProvisioning({ machineNo: '12345678', credentials: { ...credentials, alertKey } });
    expect(JSON.parse(text)).toMatchObject({ alertKey });
    expect(parseProvisioning(text)).toEqual({
      ok: true,
      value: { machineNo: '12345678', credentials: { ...credentials, alertKey } },
    });
    const without = parseProvisioning(serializeProvisioning({ machineNo: '12345678', credentials }));
    expect(without.ok && 'alertKey' in without.value.credentials).toBe(false);
  });

  it.each([
    ['too short to resist guessing', 'short-key'],
    ['with a space', 'test alert key 0123456789'],
  ])('refuses a key %s, naming the field and never the value', (_why, bad) => {
    const text = serializeProvisioning({
      machineNo: '12345678',
      credentials: { ...credentials, alertKey: bad },
    });
    const parsed = parseProvisioning(text);
    expect(parsed.ok).toBe(false);
    const message = parsed.ok ? '' : parsed.error;
    expect(message).toContain('alertKey');
    expect(message).not.toContain(bad);
  });
});
