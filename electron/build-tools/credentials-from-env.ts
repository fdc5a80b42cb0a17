import { err, ok, type Result } from '../contract/result';
import type { Credentials } from '../core/ports/credentials';
import { credentialFieldProblem } from '../core/credentials/provisioning-file';

/** Where `kioskctl provision` takes the credentials from: the environment, never argv (which `ps` shows). */
export const CREDENTIAL_ENV = {
  appId: 'KIOSK_APPID',
  appSecret: 'KIOSK_APPSECRET',
  appKey: 'KIOSK_APPKEY',
} as const;

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
