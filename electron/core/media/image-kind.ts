/** The picture formats the kiosk stores and serves; anything else a server sends is refused. */
export type ImageKind = 'jpg' | 'png' | 'webp';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

/**
 * The format of a picture judged by its first bytes, or null when they are not JPEG, PNG or WebP. A server's
 * Content-Type is not trusted: an HTML error page labelled image/jpeg must not be stored as a product photo.
 */
export const imageKindOf = (bytes: Uint8Array): ImageKind | null => {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // RIFF....WEBP: the size field in between is not checked, the container tags are.
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'webp';
  return null;
};
