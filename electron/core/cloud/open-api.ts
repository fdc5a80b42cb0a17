import { err, ok, type Result } from '../../contract/result';
import { sleep } from '../ports/clock';
import type { CloudError } from '../ports/vendor-cloud';
import { encodePayload } from '../protocol/payload';
import { backoffDelayMs } from '../protocol/retry-schedule';
import type { SignFields } from '../protocol/sign';
import { readEnvelope, type Envelope } from './answer';
import { classifyVendorCode, cloudError, isTransient, vendorError } from './cloud-errors';
import { exchange, type CloudContext } from './context';
import { maskCodeInSigning } from './redact';

export type OpenApiCall = {
  readonly method: 'POST' | 'PUT';
  /** Below `/api/openapi/v1`, e.g. `/products/131/pickup_code`. */
  readonly path: string;
  /** Fields beyond `machine_no`, `timestamp` and `sign`, which are always added. */
  readonly fields?: SignFields;
  /** Operator-facing name of the call, used in errors and logs. */
  readonly what: string;
  /** Reads are retried on transient failures; writes never are (consume is made safe by its trade id instead). */
  readonly read: boolean;
};

/** Sends one signed Open API call; answers the envelope whatever its `code`, or a transport-level error. */
export const callOpenApi = async (
  ctx: CloudContext,
  call: OpenApiCall,
): Promise<Result<Envelope, CloudError>> => {
  const attempts = call.read ? ctx.retries + 1 : 1;
  let last: CloudError = cloudError('network', `${call.what}: not attempted`);
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) {
      const delayMs = backoffDelayMs(attempt - 1, ctx.random);
      ctx.logger.info('cloud.retry', { what: call.what, attempt, delayMs, after: last.code });
      await sleep(ctx.clock, delayMs);
    }
    // A fresh timestamp per attempt: a retry after a long backoff must not look stale to the server.
    const payload = encodePayload(
      { ...call.fields, machine_no: ctx.machineNo },
      ctx.credentials.appKey,
      ctx.clock.now() / 1000,
    );
    const response = await exchange(
      ctx,
      {
        method: call.method,
        url: `${ctx.base}/api/openapi/v1${call.path}`,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          Appid: ctx.credentials.appId,
          AppSecret: ctx.credentials.appSecret,
        },
        body: payload.body,
      },
      call.what,
    );
    const envelope = response.ok ? readEnvelope(response.value, call.what) : response;
    if (envelope.ok) {
      if (classifyVendorCode(envelope.value.code) === 'auth') {
        // Signature mismatches are the commonest support case: log what was signed, key and code hidden.
        ctx.logger.warn('cloud.auth-rejected', {
          what: call.what,
          vendorCode: envelope.value.code,
          signing: maskCodeInSigning(payload.redacted),
        });
      }
      return envelope;
    }
    last = envelope.error;
    if (!isTransient(last)) break;
  }
  return err(last);
};

/**
 * Success is `code == 0` **and** `data` of the expected shape: some failures arrive as code 0 with a
 * message and an empty `data`, and must not pass for success.
 */
export const expectData = <T>(
  envelope: Envelope,
  what: string,
  read: (data: unknown) => T | null,
): Result<T, CloudError> => {
  if (envelope.code !== 0)
    return err(vendorError(envelope.code, envelope.message, envelope.httpStatus, what));
  const value = read(envelope.data);
  if (value === null) {
    const said = envelope.message === '' ? '' : ` (vendor said: ${envelope.message})`;
    return err(
      cloudError('malformed', `${what}: answer data has an unexpected shape${said}`, {
        vendorCode: 0,
        vendorMessage: envelope.message,
        httpStatus: envelope.httpStatus,
      }),
    );
  }
  return ok(value);
};

/** A call plus its expected data shape. */
export const fetchData = async <T>(
  ctx: CloudContext,
  call: OpenApiCall,
  read: (data: unknown) => T | null,
): Promise<Result<T, CloudError>> => {
  const envelope = await callOpenApi(ctx, call);
  return envelope.ok ? expectData(envelope.value, call.what, read) : envelope;
};
