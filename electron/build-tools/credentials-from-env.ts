import { err, ok, type Result } from '../contract/result';
import type { Credentials } from '../core/ports/credentials';
import { alertKeyToken, credentialFieldProblem } from '../core/credentials/provisioning-file';

/** Where `kioskctl provision` takes the credentials from: the environment, never argv (which `ps` shows). */
export const CREDENTIAL_ENV = {
  appId: 'KIOSK_APPID',
  appSecret: 'KIOSK_APPSECRET',
  appKey: 'KIOSK_APPKEY',
} as const;

/** The optional key webhook alerts are signed with: from the environment too, and just as secret. */
export const ALERT_KEY_ENV = 'KIOSK_ALERTKEY';

/** The vendor broker's login for the live link, when the vendor gives one. */
export const MQTT_ENV = { mqttUsername: 'KIOSK_MQTT_USERNAME', mqttPassword: 'KIOSK_MQTT_PASSWORD' } as const;

/** Every variable whose value is a secret: stripped from child processes, looked for in packages. */
export const SECRET_ENV_NAMES: readonly string[] = [
  ...Object.values(CREDENTIAL_ENV),
  ALERT_KEY_ENV,
  MQTT_ENV.mqttPassword,
];

export type CredentialSource = Readonly<Record<keyof Credentials, string | undefined>>;

/** Checks three values and names what is wrong by their source labels (variable names), never by their values. */
export const checkCredentials = (
  values: CredentialSource,
  labels: Readonly<Record<keyof Credentials, string>>,
): Result<Credentials, string[]> => {
  const problems = (Object.keys(labels) as (keyof Credentials)[])
    .map((field) => credentialFieldProblem(labels[field], values[field]))
    .filter((p): p is string => p !== undefined);
  if (problems.length > 0) return err(problems);
  return ok({ appId: values.appId ?? '', appSecret: values.appSecret ?? '', appKey: values.appKey ?? '' });
};

export const credentialsFromEnv = (
  env: Readonly<Record<string, string | undefined>>,
): Result<Credentials, string[]> =>
  checkCredentials(
    {
      appId: env[CREDENTIAL_ENV.appId],
      appSecret: env[CREDENTIAL_ENV.appSecret],
      appKey: env[CREDENTIAL_ENV.appKey],
    },
    {
      appId: `$${CREDENTIAL_ENV.appId}`,
      appSecret: `$${CREDENTIAL_ENV.appSecret}`,
      appKey: `$${CREDENTIAL_ENV.appKey}`,
    },
  );

/** The alert key if one is set (null when not: alerts are optional); a problem names the variable, never the value. */
export const alertKeyFromEnv = (
  env: Readonly<Record<string, string | undefined>>,
): Result<string | null, string> => {
  const value = env[ALERT_KEY_ENV];
  if (value === undefined || value === '') return ok(null);
  return alertKeyToken.safeParse(value).success
    ? ok(value)
    : err(`$${ALERT_KEY_ENV} must be 16–256 printable characters without spaces`);
};

export type MqttLogin = { readonly mqttUsername?: string; readonly mqttPassword?: string };

/** The broker login if set; both or neither, and a problem names the variable, never the value. */
export const mqttLoginFromEnv = (
  env: Readonly<Record<string, string | undefined>>,
): Result<MqttLogin, string> => {
  const username = env[MQTT_ENV.mqttUsername] ?? '';
  const password = env[MQTT_ENV.mqttPassword] ?? '';
  if (username === '' && password === '') return ok({});
  for (const [name, value] of [
    [MQTT_ENV.mqttUsername, username],
    [MQTT_ENV.mqttPassword, password],
  ] as const) {
    const problem = credentialFieldProblem(`$${name}`, value);
    if (problem) return err(problem);
  }
  return ok({ mqttUsername: username, mqttPassword: password });
};
