import { err, ok, type Result } from '../../contract/result';
import type { Clock } from '../ports/clock';
import type { Credentials } from '../ports/credentials';
import type { HttpClient, HttpRequest, HttpResponse } from '../ports/http';
import type { Logger } from '../ports/logger';
import type { CloudError } from '../ports/vendor-cloud';
import { cloudError } from './cloud-errors';
import { createSkewTracker, type SkewTracker } from './clock-skew';
import {
  checkBaseUrl,
  checkOptions,
  defaultRetries,
  defaultTimeoutMs,
  type ProductScope,
  type VendorCloudOptions,
} from './options';
import { createScrubber } from './redact';

/** Options checked and resolved once, shared by the client's parts. */
export type CloudContext = {
  readonly base: string;
  readonly machineNo: string;
  readonly notifyUrl: string;
  readonly credentials: Credentials;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly random: () => number;
  readonly productScope: ProductScope;
  readonly scrub: (text: string) => string;
  readonly skew: SkewTracker;
};

/** Throws on a configuration bug (non-https URL, malformed machine number): the kiosk must not start with it. */
export const createCloudContext = (options: VendorCloudOptions): CloudContext => {
  checkOptions(options);
  return {
    base: checkBaseUrl(options.baseUrl),
    machineNo: options.machineNo,
    notifyUrl: options.notifyUrl,
    credentials: options.credentials,
    http: options.http,
    clock: options.clock,
    logger: options.logger,
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    retries: options.retries ?? defaultRetries,
    random: options.random ?? Math.random,
    productScope: options.productScope ?? { by: 'cabinet' },
    scrub: createScrubber(options.credentials),
    skew: createSkewTracker(),
  };
};

/** One HTTP exchange: adapter failures become CloudErrors, the Date header feeds the skew estimate. */
export const exchange = async (
  ctx: CloudContext,
  req: Omit<HttpRequest, 'timeoutMs'>,
  what: string,
): Promise<Result<HttpResponse, CloudError>> => {
  const sentAt = ctx.clock.now();
  const answer = await ctx.http.request({ ...req, timeoutMs: ctx.timeoutMs });
  const receivedAt = ctx.clock.now();
  if (!answer.ok) {
    const { kind, message } = answer.error;
    const detail =
      kind === 'timeout' ? `${what}: no answer within ${ctx.timeoutMs} ms` : `${what}: ${message}`;
    return err(cloudError(kind, ctx.scrub(detail)));
  }
  ctx.skew.observe(answer.value.headers.date, sentAt, receivedAt);
  ctx.logger.debug('cloud.http', {
    what,
    method: req.method,
    status: answer.value.status,
    ms: receivedAt - sentAt,
  });
  return ok(answer.value);
};
