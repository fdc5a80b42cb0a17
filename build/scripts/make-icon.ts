import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { join } from 'node:path';

/**
 * Draws the application icon (a rounded tile with a 3×4 pickup-code keypad) as a PNG, so the icon is
 * reproducible from source instead of an opaque binary. Run: npx tsx build/scripts/make-icon.ts
 */
const SIZE = 512;
const TILE = { rgb: [0x1f, 0x4e, 0x79], radius: 96 };
const KEY = { rgb: [0xff, 0xff, 0xff], size: 92, gap: 22, radius: 18 };
const ACCENT = [0xf5, 0xa6, 0x23];

/** Inside a rounded rectangle [x0, x0+w) × [y0, y0+h) with corner radius r. */
const inRounded = (
  x: number,
  y: number,
  x0: number,
  y0: number,
  w: number,
  h: number,
  r: number,
): boolean => {
  if (x < x0 || y < y0 || x >= x0 + w || y >= y0 + h) return false;
  const cx = Math.min(Math.max(x, x0 + r), x0 + w - r - 1);
  const cy = Math.min(Math.max(y, y0 + r), y0 + h - r - 1);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

export const drawIcon = (): Buffer => {
  const cols = 3;
  const rows = 4;
  const gridW = cols * KEY.size + (cols - 1) * KEY.gap;
  const gridH = rows * KEY.size + (rows - 1) * KEY.gap;
  const left = (SIZE - gridW) / 2;
  const top = (SIZE - gridH) / 2;
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1); // each scanline starts with filter type 0 (none)
    for (let x = 0; x < SIZE; x++) {
      let rgba = [0, 0, 0, 0];
      if (inRounded(x, y, 0, 0, SIZE, SIZE, TILE.radius)) rgba = [...TILE.rgb, 255];
      for (let k = 0; k < cols * rows; k++) {
        const kx = left + (k % cols) * (KEY.size + KEY.gap);
        const ky = top + Math.floor(k / cols) * (KEY.size + KEY.gap);
        // The last key (bottom right) is the accent "OK" key.
        if (inRounded(x, y, kx, ky, KEY.size, KEY.size, KEY.radius))
          rgba = [...(k === cols * rows - 1 ? ACCENT : KEY.rgb), 255];
      }
      Buffer.from(rgba).copy(raw, row + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

export const ICON_PATH = join(__dirname, '..', 'icons', 'icon.png');

if (require.main === module) {
  writeFileSync(ICON_PATH, drawIcon());
  process.stdout.write(`wrote ${ICON_PATH}\n`);
}
