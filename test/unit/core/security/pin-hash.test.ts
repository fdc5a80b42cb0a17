import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { machineConfigSchema } from '../../../../electron/core/config/schema';
import { checkPinFormat, hashPin, PIN_SCRYPT, verifyPin } from '../../../../electron/core/security/pin-hash';
import { parsePinHash, pinHashProblem } from '../../../../electron/core/security/pin-hash-format';

const salt = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const PIN = '246810';
// Made once: each hash costs a fifth of a second by design.
const hash = hashPin(PIN, salt);

describe('maintenance PIN hash', () => {
  it('is the v2 line with its cost and PIN class, and the configuration schema accepts it', () => {
    expect(hash).toMatch(/^scrypt\$v2\$16\$8\$1\$6\$00112233445566778899aabbccddeeff\$[0-9a-f]{64}$/);
    expect(machineConfigSchema.shape.maintenance.safeParse({ pinHash: hash }).success).toBe(true);
  });

  it('is scrypt with the documented parameters (an independent computation agrees)', () => {
    const expected = scryptSync(PIN, salt, 32, { N: 2 ** 16, r: 8, p: 1, maxmem: 2 ** 27 }).toString('hex');
    expect(hash.split('$').at(-1)).toBe(expected);
    expect(PIN_SCRYPT).toMatchObject({ log2N: 16, r: 8, p: 1 });
  });

  it('verifies the right PIN only', async () => {
    await expect(verifyPin(PIN, hash)).resolves.toBe(true);
    await expect(verifyPin('246811', hash)).resolves.toBe(false);
    await expect(verifyPin('', hash)).resolves.toBe(false);
  });

  it('salts: the same PIN under another salt is another hash that still verifies', async () => {
    const other = hashPin(PIN, Buffer.alloc(16, 9));
    expect(other).not.toBe(hash);
    await expect(verifyPin(PIN, other)).resolves.toBe(true);
  });

  it('never matches (and never throws on) a malformed hash', async () => {
    for (const bad of [
      '',
      'scrypt$abc$def',
      `scrypt$${'0'.repeat(32)}$${'0'.repeat(64)}`,
      `scrypt$v2$16$8$1$6$${'0'.repeat(32)}$${'G'.repeat(64)}`,
      `scrypt$v2$10$8$1$6$${'0'.repeat(32)}$${'0'.repeat(64)}`,
    ]) {
      await expect(verifyPin(PIN, bad)).resolves.toBe(false);
    }
  });

  it('refuses to hash a salt of the wrong length or a PIN under 6 digits', () => {
    expect(() => hashPin(PIN, Buffer.alloc(8))).toThrow(RangeError);
    expect(() => hashPin('13579', salt)).toThrow(/6–12 digits/);
  });

  it.each([
    ['123456', true],
    ['123456789012', true],
    ['12345', false],
    ['1234', false],
    ['1234567890123', false],
    ['12a456', false],
    ['123 456', false],
  ])('PIN %j accepted: %s', (pin, accepted) => {
    expect(checkPinFormat(pin).ok).toBe(accepted);
  });
});

describe('maintenance PIN hash: what the configuration check refuses', () => {
  const tail = `${'a'.repeat(32)}$${'0'.repeat(64)}`;

  it('names the command to run for a hash in the earlier format', () => {
    expect(pinHashProblem(`scrypt$${tail}`)).toMatch(/earlier version.*`kioskctl pin hash`/);
  });

  it('refuses a cost below the floor, or above what a kiosk PC can spare', () => {
    expect(pinHashProblem(`scrypt$v2$14$8$1$6$${tail}`)).toMatch(/scrypt cost/);
    expect(pinHashProblem(`scrypt$v2$18$16$1$6$${tail}`)).toMatch(/at most 256 MiB/);
    expect(pinHashProblem(`scrypt$v2$18$8$1$6$${tail}`)).toBeNull();
  });

  it('refuses a hash from a tool that allowed shorter PINs', () => {
    expect(pinHashProblem(`scrypt$v2$16$8$1$4$${tail}`)).toMatch(/shorter than 6 digits/);
  });

  it('reads back the parts it wrote', () => {
    const parts = parsePinHash(hash);
    expect(parts.ok && { ...parts.value, salt: parts.value.salt.toString('hex') }).toMatchObject({
      log2N: 16,
      r: 8,
      p: 1,
      minDigits: 6,
      salt: salt.toString('hex'),
    });
  });
});
