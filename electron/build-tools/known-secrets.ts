import type { Credentials } from '../core/ports/credentials';
import { SECRET_ENV_NAMES } from './credentials-from-env';
import type { KnownSecret } from './package-needles';

const NAMES: Record<keyof Credentials, string> = { appId: 'AppId', appSecret: 'AppSecret', appKey: 'AppKey' };

/**
 * The credentials (and the alert key) in kioskctl's environment, where `kioskctl provision` reads them: an installer who has just
 * written a provisioning file may still have them set while building. Labelled by variable, never by value.
 */
export const secretsFromEnv = (env: Readonly<Record<string, string | undefined>>): KnownSecret[] =>
  SECRET_ENV_NAMES.flatMap((name) => {
    const value = env[name];
    return value === undefined || value === '' ? [] : [{ label: `$${name}`, value }];
  });

/** One fleet row's three credentials, named by machine number and CSV line. */
export const secretsOfMachine = (machineNo: string, line: number, credentials: Credentials): KnownSecret[] =>
  (Object.keys(NAMES) as (keyof Credentials)[]).map((field) => ({
    label: `${NAMES[field]} of machine ${machineNo} (line ${line})`,
    value: credentials[field],
  }));
