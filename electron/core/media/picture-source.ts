import { parseHttpUrl } from './parse-http-url';

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Whether the kiosk may download a picture from this URL: https anywhere, plain http only from this machine
 * (the simulated cloud), never a URL carrying credentials. Pictures are public, so nothing is signed or sent.
 */
export const isAllowedPictureUrl = (raw: string): boolean => {
  const url = parseHttpUrl(raw);
  if (url === null || url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
};
