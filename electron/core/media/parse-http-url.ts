/** Parses a URL without throwing; null for a malformed one or any scheme but http(s). */
export const parseHttpUrl = (raw: string): URL | null => {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
};
