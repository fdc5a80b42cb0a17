import { err, ok, type Result } from '../../contract/result';
import type { Credentials } from '../../core/ports/credentials';
import { machineApiKey } from '../../core/protocol/machine-api-key';
import { decodePayload } from '../../core/protocol/payload';
import { computeSign } from '../../core/protocol/sign';
import { failure } from './sim-failures';
import type { SimFailure } from './state-types';

export type Refusal = { readonly httpStatus: number; readonly failure: SimFailure };

export type AuthSettings = {
  readonly credentials: Credentials;
  readonly machineNo: string;
  readonly now: () => number;
  /** Allowed distance between the payload's timestamp and the cloud's clock. The real window is undocumented. */
  readonly timestampWindowSeconds: number;
};

type Headers = Readonly<Record<string, string | string[] | undefined>>;

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

const refuse = (httpStatus: number, vendorCode: number, detail?: string): Result<never, Refusal> =>
  err({ httpStatus, failure: failure(vendorCode, detail) });

/** `Appid` and `AppSecret` on every Open API call: missing is HTTP 401 / 10008, wrong is 10014 / 10013. */
export const checkAppHeaders = (headers: Headers, settings: AuthSettings): Result<void, Refusal> => {
  const appId = header(headers, 'appid');
  const appSecret = header(headers, 'appsecret');
  if (!appId || !appSecret) return refuse(401, 10008);
  if (appId !== settings.credentials.appId) return refuse(200, 10014);
  if (appSecret !== settings.credentials.appSecret) return refuse(200, 10013);
  return ok(undefined);
};

/**
 * The body `{"payload": base64(JSON)}`: decoded strictly, signature recomputed with the AppKey, timestamp within
 * the window, machine number matching. Answers the decoded fields (sign removed).
 */
export const checkPayload = (
  body: string,
  settings: AuthSettings,
): Result<Record<string, string>, Refusal> => {
  let outer: unknown;
  try {
    outer = JSON.parse(body);
  } catch {
    return refuse(200, 10001, 'body is not JSON');
  }
  const payload =
    typeof outer === 'object' && outer !== null ? (outer as { payload?: unknown }).payload : undefined;
  if (typeof payload !== 'string') return refuse(200, 10001, 'payload missing');
  const decoded = decodePayload(payload);
  if (!decoded.ok) return refuse(200, 10001, decoded.error.reason);
  const { sign, ...fields } = decoded.fields;
  if (sign === undefined || computeSign(fields, settings.credentials.appKey).sign !== sign.toUpperCase())
    return refuse(200, 4006);
  const timestamp = Number(fields.timestamp);
  if (!/^\d+$/.test(fields.timestamp ?? '')) return refuse(200, 10001, 'timestamp missing');
  if (Math.abs(timestamp - settings.now() / 1000) > settings.timestampWindowSeconds)
    return refuse(200, 10001, 'timestamp out of range');
  if (fields.machine_no !== settings.machineNo) return refuse(200, 30003);
  return ok(fields);
};

/** Machine-side calls: `api-machine-no` and `api-key` (lowercase md5 of machine number + AppKey). */
export const checkMachineHeaders = (headers: Headers, settings: AuthSettings): Result<void, Refusal> => {
  const machineNo = header(headers, 'api-machine-no');
  const apiKey = header(headers, 'api-key');
  if (machineNo !== settings.machineNo) return refuse(401, 30003);
  if (apiKey !== machineApiKey(settings.machineNo, settings.credentials.appKey))
    return refuse(401, 10013, 'api-key');
  return ok(undefined);
};
