import { computeSign, isEmptySignValue, signText, type SignFields } from './sign';

export type EncodedPayload = {
  /** The HTTP body: `{"payload":"<base64 JSON>"}`. */
  readonly body: string;
  /** The decoded JSON object that was sent, `sign` included. */
  readonly fields: Readonly<Record<string, string>>;
  /** The signing string with the AppKey shown as `***`. */
  readonly redacted: string;
};

/**
 * Builds a signed request body: every field as a string, `timestamp` (Unix seconds) added, then `sign`.
 * Empty values are left out of the JSON as well as the signature, so what is sent is what was signed.
 */
export const encodePayload = (
  fields: SignFields,
  appKey: string,
  timestampSeconds: number,
): EncodedPayload => {
  const sent: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key !== 'sign' && key !== 'timestamp' && !isEmptySignValue(value)) sent[key] = signText(value);
  }
  sent.timestamp = String(Math.floor(timestampSeconds));
  const { sign, redacted } = computeSign(sent, appKey);
  const signed = { ...sent, sign };
  const payload = Buffer.from(JSON.stringify(signed), 'utf8').toString('base64');
  return { body: JSON.stringify({ payload }), fields: signed, redacted };
};

export type DecodeFailure = { readonly reason: string };

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The reverse, for the simulator and for `kioskctl sign --payload-file`: strict standard base64 with padding,
 * a JSON object inside, every value a string or a number (normalised to text).
 */
export const decodePayload = (
  payload: string,
): { ok: true; fields: Record<string, string> } | { ok: false; error: DecodeFailure } => {
  if (!base64Pattern.test(payload)) return { ok: false, error: { reason: 'payload is not standard base64' } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return { ok: false, error: { reason: 'payload does not decode to JSON' } };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: { reason: 'payload is not a JSON object' } };
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string' || typeof value === 'number') fields[key] = signText(value);
    else if (value !== null)
      return { ok: false, error: { reason: `payload field "${key}" is not a string` } };
  }
  return { ok: true, fields };
};
