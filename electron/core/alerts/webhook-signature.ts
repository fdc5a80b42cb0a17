import { createHmac } from 'node:crypto';

/** Header names the receiver checks. Lower case on the wire is fine: HTTP header names are case-insensitive. */
export const TIMESTAMP_HEADER = 'X-Kiosk-Timestamp';
export const SIGNATURE_HEADER = 'X-Kiosk-Signature';

/**
 * `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<body>`, keyed with the alert key's text (UTF-8). The timestamp
 * (whole seconds since the epoch, fresh on every attempt) is inside the signed bytes so a receiver can refuse an
 * old request replayed at it; the body is signed exactly as sent, byte for byte.
 */
export const signWebhook = (key: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', Buffer.from(key, 'utf8')).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
