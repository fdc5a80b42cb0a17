import type { ImageKind } from './image-kind';

/** A downloaded picture whose bytes were checked to be the format named. */
export type Picture = { readonly kind: ImageKind; readonly bytes: Uint8Array };

/** Fetches one picture; rejects on any refusal (status, size, time, format) with a short reason. */
export type PictureDownload = (url: string) => Promise<Picture>;

/** A stored picture as the folder lists it. */
export type StoredPicture = { readonly name: string; readonly storedAtMs: number };

/** The on-disk folder of pictures. Only names the cache writes are listed; writes are atomic. */
export interface MediaFolder {
  list(): Promise<readonly StoredPicture[]>;
  write(name: string, bytes: Uint8Array): Promise<void>;
  remove(name: string): Promise<void>;
}
