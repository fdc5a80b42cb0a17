/**
 * CRC-16/MODBUS: init 0xFFFF, reflected polynomial 0xA001, no final xor. A table makes the codec cheap
 * enough to run on every byte the parser scans while resyncing.
 */
const table: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
    t[i] = crc;
  }
  return t;
})();

/** CRC of bytes[start, end). */
export const crc16Modbus = (bytes: Uint8Array, start = 0, end = bytes.length): number => {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    crc = (crc >>> 8) ^ (table[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  }
  return crc;
};

/** Returns a new frame: body followed by its CRC, low byte first as Modbus RTU sends it. */
export const withCrc = (body: readonly number[] | Uint8Array): Uint8Array => {
  const frame = new Uint8Array(body.length + 2);
  frame.set(body);
  const crc = crc16Modbus(frame, 0, body.length);
  frame[body.length] = crc & 0xff;
  frame[body.length + 1] = crc >>> 8;
  return frame;
};

/** True when the last two bytes of bytes[start, end) are the CRC of the bytes before them. */
export const hasValidCrc = (bytes: Uint8Array, start = 0, end = bytes.length): boolean => {
  if (end - start < 4) return false;
  const crc = crc16Modbus(bytes, start, end - 2);
  return bytes[end - 2] === (crc & 0xff) && bytes[end - 1] === crc >>> 8;
};
