import { createNodeHttpClient } from '../../adapters/node-http';
import { createJsonLogger } from '../../adapters/json-logger';
import type { VendorCloudOptions } from '../../core/cloud/options';
import { systemClock } from '../../adapters/system-clock';
import type { Credentials } from '../../core/ports/credentials';
import { silentLogger } from '../../core/ports/logger';
import { intValue, requireValue, UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../command';

export const credentialEnv = {
  appId: 'KIOSK_APPID',
  appSecret: 'KIOSK_APPSECRET',
  appKey: 'KIOSK_APPKEY',
} as const;

/** Credentials come from the environment only: argv is visible in `ps` and kept in shell history. */
export const credentialsFromEnv = (env: CliIo['env']): Credentials | null => {
  const appId = env[credentialEnv.appId] ?? '';
  const appSecret = env[credentialEnv.appSecret] ?? '';
  const appKey = env[credentialEnv.appKey] ?? '';
  return appId && appSecret && appKey ? { appId, appSecret, appKey } : null;
};

/** Client options from the common flags; `--verbose` logs JSON lines to stderr (credentials scrubbed). */
export const cloudOptionsFrom = (parsed: ParsedArgs, io: CliIo): VendorCloudOptions => {
  const credentials = credentialsFromEnv(io.env);
  if (!credentials) {
    throw new UsageError(
      `set ${credentialEnv.appId}, ${credentialEnv.appSecret} and ${credentialEnv.appKey} in the environment`,
    );
  }
  const baseUrl = requireValue(parsed, 'base-url');
  const machineNo = requireValue(parsed, 'machine-no');
  if (!/^\d{8}$/.test(machineNo))
    throw new UsageError('--machine-no must be the 8 digits printed on the machine');
  try {
    new URL(baseUrl);
  } catch {
    throw new UsageError(`--base-url "${baseUrl}" is not a URL`);
  }
  const logger = parsed.flags.has('verbose')
    ? createJsonLogger({
        level: 'debug',
        write: io.err,
        secrets: [credentials.appId, credentials.appSecret, credentials.appKey],
      })
    : silentLogger;
  return {
    baseUrl,
    machineNo,
    // The vendor requires a notify URL on consume; without one given, the cloud's own base URL is sent.
    notifyUrl: parsed.values.get('notify-url') ?? io.env.KIOSK_NOTIFY_URL ?? baseUrl,
    credentials,
    http: createNodeHttpClient(),
    clock: systemClock,
    logger,
    timeoutMs: intValue(parsed, 'timeout-ms', 8000),
  };
};

export const commonCloudValues = ['base-url', 'machine-no', 'notify-url', 'timeout-ms'] as const;
