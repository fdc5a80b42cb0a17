import { scryptSync, timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from '../../contract/result';

/**
 * The maintenance PIN is stored only as `scrypt$<salt hex>$<hash hex>` in the machine configuration.
 * The cost parameters are fixed (not stored) so a configuration file cannot weaken them; scrypt's memory
 * cost makes guessing a short numeric PIN from a leaked configuration slow, not impossible, so the screen
 * must still throttle wrong attempts.
 */
export const PIN_SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

const HASH_FORMAT = /^scrypt\$([0-9a-f]{32})\$([0-9a-f]{64})$/;

/** A maintenance PIN is typed on the kiosk's numeric keypad: 4–12 digits. */
export const checkPinFormat = (pin: string): Result<string, string> =>
  /^\d{4,12}$/.test(pin)
    ? ok(pin)
    : err('the PIN must be 4–12 digits (the maintenance keypad has digits only)');

const derive = (pin: string, salt: Uint8Array): Buffer =>
  scryptSync(pin.normalize('NFKC'), salt, PIN_SCRYPT.keyLength, {
    N: PIN_SCRYPT.N,
    r: PIN_SCRYPT.r,
    p: PIN_SCRYPT.p,
  });

/** Deterministic for a given salt; the caller supplies 16 random bytes (the CLI uses crypto.randomBytes). */
export const hashPin = (pin: string, salt: Uint8Array): string => {
  if (salt.length !== PIN_SCRYPT.saltLength)
    throw new RangeError(`salt must be ${PIN_SCRYPT.saltLength} bytes`);
  return `scrypt$${Buffer.from(salt).toString('hex')}$${derive(pin, salt).toString('hex')}`;
};

/** True only for the PIN that made `hash`. A malformed hash never matches (and never throws). */
export const verifyPin = (pin: string, hash: string): boolean => {
  const match = HASH_FORMAT.exec(hash);
  if (!match?.[1] || !match[2]) return false;
  const expected = Buffer.from(match[2], 'hex');
  return timingSafeEqual(derive(pin, Buffer.from(match[1], 'hex')), expected);
};
