import { crc32, deflateSync } from 'node:zlib';

/** The simulated cloud's picture of a good: a path it serves, one per product id. */
export const PICTURE_PATH = /^\/media\/goods\/(\d{1,9})\.png$/;
export const picturePathOf = (productId: number): string => `/media/goods/${String(productId)}.png`;

const SIZE = 192;

// Calm, distinct colours so the demo's products can be told apart at a glance on the item card.
const palette: readonly (readonly [number, number, number])[] = [
  [0x2e, 0x86, 0xc1],
  [0xe6, 0x7e, 0x22],
  [0xc0, 0x39, 0x2b],
  [0x27, 0xae, 0x60],
  [0x8e, 0x44, 0xad],
  [0x16, 0xa0, 0x85],
  [0xd3, 0x54, 0x00],
  [0x34, 0x49, 0x5e],
];

const chunk = (type: string, data: Uint8Array): Buffer => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
};

/**
 * A real PNG (8-bit RGB, deflated) of a coloured disc on a light ground, the colour picked by the product id:
 * enough for the demo to exercise the whole path a vendor photo takes (download, format check, disk, app origin).
 */
export const productPicture = (productId: number): Buffer => {
  const [r, g, b] = palette[productId % palette.length] ?? [0x80, 0x80, 0x80];
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 3));
  const centre = (SIZE - 1) / 2;
  const radius = SIZE * 0.38;
  for (let y = 0; y < SIZE; y++) {
    const row = y * (1 + SIZE * 3);
    rows[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const inside = Math.hypot(x - centre, y - centre) <= radius;
      const at = row + 1 + x * 3;
      rows[at] = inside ? r : 0xf4;
      rows[at + 1] = inside ? g : 0xf6;
      rows[at + 2] = inside ? b : 0xf8;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]);
};
