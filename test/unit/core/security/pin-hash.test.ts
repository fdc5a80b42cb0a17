import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { machineConfigSchema } from '../../../../electron/core/config/schema';
import { checkPinFormat, hashPin, PIN_SCRYPT, verifyPin } from '../../../../electron/core/security/pin-hash';

const salt = Buffer.from('00112233445566778899aabbccddeeff', 'hex');

describe('maintenance PIN hashing', () => {
  it('produces the format the configuration schema accepts', () => {
    const hash = hashPin('2468', salt);
    expect(hash).toMatch(/^scrypt\$00112233445566778899aabbccddeeff\$[0-9a-f]{64}$/);
    expect(machineConfigSchema.shape.maintenance.safeParse({ pinHash: hash }).success).toBe(true);
  });

  it('is scrypt with the documented parameters (an independent computation agrees)', () => {
    const expected = scryptSync('2468', salt, 32, {
      N: PIN_SCRYPT.N,
      r: PIN_SCRYPT.r,
      p: PIN_SCRYPT.p,
    }).toString('hex');
    expect(hashPin('2468', salt)).toBe(`scrypt$${salt.toString('hex')}$${expected}`);
  });

  it('verifies the right PIN and rejects others', () => {
    const hash = hashPin('2468', salt);
    expect(verifyPin('2468', hash)).toBe(true);
    expect(verifyPin('2469', hash)).toBe(false);
    expect(verifyPin('', hash)).toBe(false);
  });

  it('gives a different hash for a different salt', () => {
    const other = Buffer.alloc(16, 7);
    expect(hashPin('2468', other)).not.toBe(hashPin('2468', salt));
    expect(verifyPin('2468', hashPin('2468', other))).toBe(true);
  });

  it('never matches (and never throws on) a malformed hash', () => {
    for (const bad of [
      '',
      'scrypt$abc$def',
      `bcrypt$${'0'.repeat(32)}$${'0'.repeat(64)}`,
      `scrypt$${'0'.repeat(32)}$${'G'.repeat(64)}`,
    ]) {
      expect(verifyPin('2468', bad)).toBe(false);
    }
  });

  it('refuses a salt of the wrong length', () => {
    expect(() => hashPin('2468', Buffer.alloc(8))).toThrow(RangeError);
  });

  it.each([
    ['1234', true],
    ['123456789012', true],
    ['123', false],
    ['1234567890123', false],
    ['12a4', false],
    ['12 34', false],
  ])('PIN %j accepted: %s', (pin, accepted) => {
    expect(checkPinFormat(pin).ok).toBe(accepted);
  });
});
