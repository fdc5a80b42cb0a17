import { imageKindOf } from '../core/media/image-kind';
import type { Picture, PictureDownload } from '../core/media/media-ports';
import { isAllowedPictureUrl } from '../core/media/picture-source';

export type PictureDownloadOptions = { readonly timeoutMs: number; readonly maxBytes: number };

const readCapped = async (body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> => {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop reading at the cap rather than after: a huge body must not fill memory first.
      await reader.cancel();
      throw new Error('too-large');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
};

/**
 * Downloads a public picture with Node's fetch: no cookies or credentials, no redirects (a redirect could leave
 * https or loopback), one deadline for the whole answer, a byte cap enforced while reading, and the format taken
 * from the bytes, never from Content-Type.
 */
export const createPictureDownload =
  (options: PictureDownloadOptions): PictureDownload =>
  async (url: string): Promise<Picture> => {
    if (!isAllowedPictureUrl(url)) throw new Error('url-not-allowed');
    const signal = AbortSignal.timeout(options.timeoutMs);
    const response = await fetch(url, { redirect: 'error', credentials: 'omit', signal });
    if (response.status !== 200 || response.body === null) {
      await response.body?.cancel();
      throw new Error(`status-${String(response.status)}`);
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > options.maxBytes) {
      await response.body.cancel();
      throw new Error('too-large');
    }
    const bytes = await readCapped(response.body, options.maxBytes);
    const kind = imageKindOf(bytes);
    if (kind === null) throw new Error('not-an-image');
    return { kind, bytes };
  };
