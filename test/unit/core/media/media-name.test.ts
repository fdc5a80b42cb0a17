import { describe, expect, it } from 'vitest';
import { imageKindOf } from '../../../../electron/core/media/image-kind';
import {
  isMediaFileName,
  mediaAppPath,
  mediaFileName,
  mediaKeyOf,
} from '../../../../electron/core/media/media-name';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('picture formats by magic bytes', () => {
  it('knows JPEG, PNG and WebP', () => {
    expect(imageKindOf(bytes(0xff, 0xd8, 0xff, 0xe0, 0))).toBe('jpg');
    expect(imageKindOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
    const webp = new TextEncoder().encode('RIFF\u0010\u0000\u0000\u0000WEBPVP8 ');
    expect(imageKindOf(webp)).toBe('webp');
  });

  it('refuses HTML, SVG, a bare RIFF (WAV) and truncated headers', () => {
    const text = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(imageKindOf(text('<!doctype html><p>Not found</p>'))).toBeNull();
    expect(imageKindOf(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(imageKindOf(text('RIFF\u0010\u0000\u0000\u0000WAVEfmt '))).toBeNull();
    expect(imageKindOf(bytes(0x89, 0x50, 0x4e))).toBeNull();
    expect(imageKindOf(bytes())).toBeNull();
  });
});

describe('media file names', () => {
  it('names a picture by the sha256 of its URL and its format', () => {
    const name = mediaFileName('https://cdn.example/a.jpg', 'jpg');
    expect(name).toBe(`${mediaKeyOf('https://cdn.example/a.jpg')}.jpg`);
    expect(mediaKeyOf('https://cdn.example/a.jpg')).toMatch(/^[0-9a-f]{64}$/);
    expect(mediaKeyOf('https://cdn.example/b.jpg')).not.toBe(mediaKeyOf('https://cdn.example/a.jpg'));
    expect(isMediaFileName(name)).toBe(true);
    expect(mediaAppPath(name)).toBe(`media/${name}`);
  });

  it('admits only names the cache writes', () => {
    const key = 'a'.repeat(64);
    for (const bad of [
      `${key}.gif`,
      `${key}.svg`,
      `${key.slice(1)}.jpg`,
      `${key}.JPG`,
      `../${key}.jpg`,
      `${key}.jpg/`,
      `${key}.png.png`,
    ])
      expect(isMediaFileName(bad)).toBe(false);
  });
});
