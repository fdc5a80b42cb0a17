import { describe, expect, it } from 'vitest';
import { mqttLoginFromEnv } from '../../../../electron/build-tools/credentials-from-env';
import {
  parseProvisioning,
  serializeProvisioning,
} from '../../../../electron/core/credentials/provisioning-file';
import { secretValues } from '../../../../electron/core/ports/credentials';

const credentials = { appId: 'test-appid', appSecret: 'test-secret', appKey: 'TEST-APPKEY-not-real' };
const login = { mqttUsername: 'kiosk-12345678', mqttPassword: 'TEST-MQTT-PASSWORD' };

describe('the broker login in the provisioning file', () => {
  it('travels with the credentials and comes back out', () => {
    const text = serializeProvisioning({ machineNo: '12345678', credentials: { ...credentials, ...login } });
    const parsed = parseProvisioning(text);
    expect(parsed.ok && parsed.value.credentials).toEqual({ ...credentials, ...login });
  });

  it('is optional: a file without it is as before', () => {
    const parsed = parseProvisioning(serializeProvisioning({ machineNo: '12345678', credentials }));
    expect(parsed.ok && parsed.value.credentials).toEqual(credentials);
  });

  it('puts the password, not the user name, among the values the log redacts', () => {
    expect(secretValues({ ...credentials, ...login })).toContain('TEST-MQTT-PASSWORD');
    expect(secretValues({ ...credentials, ...login })).not.toContain('kiosk-12345678');
  });
});

describe('kioskctl provision: the broker login from the environment', () => {
  it('takes both or neither, and names the variable, never the value', () => {
    expect(mqttLoginFromEnv({})).toEqual({ ok: true, value: {} });
    expect(mqttLoginFromEnv({ KIOSK_MQTT_USERNAME: 'u', KIOSK_MQTT_PASSWORD: 'TEST-PW' })).toEqual({
      ok: true,
      value: { mqttUsername: 'u', mqttPassword: 'TEST-PW' },
    });
    const half = mqttLoginFromEnv({ KIOSK_MQTT_USERNAME: 'u' });
    expect(half.ok).toBe(false);
    expect(half.ok ? '' : half.error).toContain('$KIOSK_MQTT_PASSWORD');
    const spaced = mqttLoginFromEnv({ KIOSK_MQTT_USERNAME: 'u', KIOSK_MQTT_PASSWORD: 'has space' });
    expect(spaced.ok ? '' : spaced.error).not.toContain('has space');
  });
});
