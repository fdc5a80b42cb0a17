import type { Credentials } from '../ports/credentials';
import type { CloudError } from '../ports/vendor-cloud';
import { maskCode } from '../ports/logger';

/**
 * Removes the credentials from any text that might reach a log or an error: a vendor message, an adapter's
 * network error. The vendor should never echo them, but the kiosk does not rely on that. Very short values
 * are skipped: replacing every "a" in a message would hide more than it protects.
 */
export const createScrubber = (credentials: Credentials): ((text: string) => string) => {
  const secrets = [credentials.appSecret, credentials.appKey, credentials.appId]
    .filter((s) => s.length >= 4)
    .sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
};

export const scrubCloudError = (error: CloudError, scrub: (text: string) => string): CloudError => ({
  ...error,
  detail: scrub(error.detail),
  vendorMessage: error.vendorMessage === null ? null : scrub(error.vendorMessage),
});

/** The redacted signing string with the pickup code masked too, for logging a signature mismatch. */
export const maskCodeInSigning = (redacted: string): string =>
  redacted.replace(
    /(^|&)code=([^&]*)/,
    (_all, lead: string, code: string) => `${lead}code=${maskCode(code)}`,
  );
