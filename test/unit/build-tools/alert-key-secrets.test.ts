import { describe, expect, it } from 'vitest';
import { SECRET_ENV_NAMES } from '../../../electron/build-tools/credentials-from-env';
import { secretsFromEnv } from '../../../electron/build-tools/known-secrets';

describe('the alert key as a known secret', () => {
  it('is looked for in packages when it is in the environment', () => {
    expect(secretsFromEnv({ KIOSK_ALERTKEY: 'test-alert-key-0123456789' })).toEqual([
      { label: '$KIOSK_ALERTKEY', value: 'test-alert-key-0123456789' },
    ]);
  });

  it('is one of the variables kept from the packager', () => {
    expect(SECRET_ENV_NAMES).toEqual([
      'KIOSK_APPID',
      'KIOSK_APPSECRET',
      'KIOSK_APPKEY',
      'KIOSK_ALERTKEY',
      'KIOSK_MQTT_PASSWORD',
    ]);
  });
});
