import { z } from 'zod';
import { err, ok, type Result } from '../../contract/result';
import type { CloudError } from '../ports/vendor-cloud';
import type { HttpResponse } from '../ports/http';
import { cloudError } from './cloud-errors';
import { intLike, textLike } from './wire-values';

/** The vendor's envelope, read from any HTTP status: a 401 still carries `{code: 10008, …}`. */
export type Envelope = {
  readonly code: number;
  readonly message: string;
  readonly data: unknown;
  readonly httpStatus: number;
};

const envelopeSchema = z.object({
  code: intLike,
  message: textLike.nullish(),
  msg: textLike.nullish(),
  data: z.unknown().optional(),
});

const looksLikeHtml = (body: string): boolean => /^\s*<(!doctype|html|head|body|\?xml)/i.test(body);

/** Why a body is not JSON, in words an operator can act on (without quoting it: it may hold codes). */
export const describeUnreadableBody = (body: string): string => {
  if (body.trim() === '') return 'empty answer';
  if (looksLikeHtml(body)) return `an HTML page instead of JSON (${body.length} bytes)`;
  if (/^\s*[[{]/.test(body)) return `truncated or invalid JSON (${body.length} bytes)`;
  return `not JSON (${body.length} bytes)`;
};

export const parseJson = (body: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
};

/**
 * Reads an HTTP answer as a vendor envelope. Only transport-level problems are errors here: an HTTP error
 * without an envelope is `http`, a 2xx that is not an envelope is `malformed`. A non-zero `code` is returned
 * as an envelope so that the caller can read its `data` (10025 carries the order id).
 */
export const readEnvelope = (response: HttpResponse, what: string): Result<Envelope, CloudError> => {
  const failed = response.status >= 400 || response.status < 200;
  const json = parseJson(response.body);
  const envelope = json.ok ? envelopeSchema.safeParse(json.value) : null;
  if (envelope?.success !== true) {
    const why = json.ok ? 'an answer without the vendor envelope' : describeUnreadableBody(response.body);
    return err(
      failed
        ? cloudError('http', `${what}: HTTP ${response.status}, ${why}`, { httpStatus: response.status })
        : cloudError('malformed', `${what}: ${why}`, { httpStatus: response.status }),
    );
  }
  const { code, message, msg, data } = envelope.data;
  if (code === 0 && failed) {
    return err(
      cloudError('http', `${what}: HTTP ${response.status} with a success envelope`, {
        httpStatus: response.status,
      }),
    );
  }
  return ok({ code, message: message ?? msg ?? '', data, httpStatus: response.status });
};
