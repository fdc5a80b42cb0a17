/**
 * The one rule for where the vendor cloud may be: https, or plain http to this machine only (the simulator),
 * with no user, password, query or fragment in the URL. Shared by the configuration schema and the client.
 */
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/** What the URL should have been, in installer words; undefined when it is acceptable. */
export const cloudUrlProblem = (value: string): string | undefined => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'a full URL such as https://api.example.com';
  }
  if (url.username || url.password) return 'a URL without a user name or password in it';
  if (url.search || url.hash) return 'a URL without ?query or #fragment';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  return 'an https:// URL (plain http:// is only allowed for 127.0.0.1 / localhost)';
};
