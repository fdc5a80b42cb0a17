import { timingSafeEqual } from 'node:crypto';
import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import { decodePayload, encodePayload } from '../protocol/payload';
import { computeSign, type SignFields } from '../protocol/sign';

/** A message of the vendor's MQTT channel once opened: every value a string, `sign` checked and kept. */
export type LiveFields = Readonly<Record<string, string>>;

export type SealedMessage = {
  /** The MQTT body: standard padded base64 of the signed JSON object (no `{"payload": …}` wrapper as on HTTP). */
  readonly body: string;
  readonly fields: LiveFields;
  /** The string that was hashed, the key shown as `***`: for `kioskctl mqtt check` and for logs. */
  readonly redacted: string;
};

/** Signs a message exactly as the Open API signs a request (vendor-mqtt.md): `timestamp` added, `sign` last. */
export const sealLiveMessage = (fields: SignFields, key: string, timestampSeconds: number): SealedMessage => {
  const encoded = encodePayload(fields, key, timestampSeconds);
  const body = JSON.parse(encoded.body) as { payload: string };
  return { body: body.payload, fields: encoded.fields, redacted: encoded.redacted };
};

export type OpenFailure = 'not-base64-json' | 'unsigned' | 'bad-signature';

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Decodes a received body and checks its signature with `key`. A body that is not base64 JSON of strings, has no
 * `sign`, or whose `sign` does not match is refused: the caller drops it and counts it, never acts on it.
 */
export const openLiveMessage = (raw: Uint8Array | string, key: string): Result<LiveFields, OpenFailure> => {
  const text = (typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8')).trim();
  const decoded = decodePayload(text);
  if (!decoded.ok) return err('not-base64-json');
  const { sign } = decoded.fields;
  if (sign === undefined || sign === '') return err('unsigned');
  // Lower-case hex from a sloppy sender still names the same digest.
  if (!sameText(computeSign(decoded.fields, key).sign, sign.toUpperCase())) return err('bad-signature');
  return ok(decoded.fields);
};
