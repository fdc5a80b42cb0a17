/** Hex helpers for logs, the black box and tests: `01 03 00 03` reads better than a byte array. */
export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/** Parses `01 03 0a` or `01030a`; returns null on anything that is not whole hex bytes. */
export const fromHex = (text: string): Uint8Array | null => {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(compact)) return null;
  const out = new Uint8Array(compact.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(compact.slice(i * 2, i * 2 + 2), 16);
  return out;
};
