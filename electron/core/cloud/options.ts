import type { Clock } from '../ports/clock';
import type { Credentials } from '../ports/credentials';
import type { HttpClient } from '../ports/http';
import type { Logger } from '../ports/logger';
import { cloudUrlProblem } from '../protocol/cloud-url';

/** Which requests list every slot: one per cabinet letter (the default) or one per driver-board address. */
export type ProductScope =
  { readonly by: 'cabinet' } | { readonly by: 'addr'; readonly addrs: readonly number[] };

export type VendorCloudOptions = {
  readonly baseUrl: string;
  /** The 8-digit number printed on the machine. */
  readonly machineNo: string;
  /** Where the vendor posts order notifications; sent with every consume. */
  readonly notifyUrl: string;
  readonly credentials: Credentials;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Per HTTP attempt. Default 8000 ms, as in the machine configuration. */
  readonly timeoutMs?: number;
  /** Extra attempts for reads after a network error, a timeout or an HTTP 5xx. Writes are never retried here. */
  readonly retries?: number;
  /** Jitter source for backoff; tests pass a fixed one. */
  readonly random?: () => number;
  readonly productScope?: ProductScope;
};

export const defaultTimeoutMs = 8000;
export const defaultRetries = 2;
/** The largest page the vendor's own clients ask for; the docs state no maximum. */
export const productPageSize = 100;

/**
 * The vendor cloud is reached over https only; plain http is accepted for this machine alone (the simulator).
 * A bad URL is a configuration bug, so construction throws with a sentence the installer can act on.
 */
export const checkBaseUrl = (baseUrl: string): string => {
  const problem = cloudUrlProblem(baseUrl);
  // The URL itself is not repeated: a user or password in it must not reach an error message.
  if (problem !== undefined) throw new Error(`vendor cloud base URL must be ${problem}`);
  return new URL(baseUrl).href.replace(/\/+$/, '');
};

export const checkOptions = (options: VendorCloudOptions): void => {
  if (!/^\d{8}$/.test(options.machineNo)) throw new Error('machine number must be exactly 8 digits');
  const { appId, appSecret, appKey } = options.credentials;
  if (appId === '' || appSecret === '' || appKey === '')
    throw new Error('vendor credentials are incomplete (AppId, AppSecret, AppKey)');
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0))
    throw new Error('timeoutMs must be positive');
  if (
    options.retries !== undefined &&
    !(Number.isInteger(options.retries) && options.retries >= 0 && options.retries <= 10)
  ) {
    throw new Error('retries must be a whole number from 0 to 10');
  }
};
