import { scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { err, ok, type Result } from '../../contract/result';
import {
  formatPinHash,
  MAX_PIN_DIGITS,
  MIN_PIN_DIGITS,
  parsePinHash,
  scryptMemoryBytes,
} from './pin-hash-format';

/**
 * The maintenance PIN is stored only as a salted scrypt hash in the machine configuration (format in
 * pin-hash-format.ts). The cost is measured, not guessed: N = 2^16, r = 8 (64 MiB) takes 0.22–0.35 s on the
 * 2-core reference PC (`npx tsx test/bench/pin-scrypt.ts`), so the right PIN opens in well under a second while
 * a search of all 10^6 six-digit PINs on that PC takes 30–46 hours. That is slow, not impossible: the screen
 * still throttles wrong PINs, and the configuration file is still worth keeping to the installers.
 */
export const PIN_SCRYPT = { log2N: 16, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/** A maintenance PIN is typed on the kiosk's numeric keypad. */
export const checkPinFormat = (pin: string): Result<string, string> =>
  new RegExp(`^\\d{${MIN_PIN_DIGITS},${MAX_PIN_DIGITS}}$`).test(pin)
    ? ok(pin)
    : err(
        `the PIN must be ${MIN_PIN_DIGITS}–${MAX_PIN_DIGITS} digits (the maintenance keypad has digits only; ` +
          `a shorter one falls to a search of its hash within hours)`,
      );

const options = (log2N: number, r: number, p: number): ScryptOptions => ({
  N: 2 ** log2N,
  r,
  p,
  // Node refuses more than 32 MiB unless told; allow what this cost needs, with room for scrypt's own buffers.
  maxmem: 2 * scryptMemoryBytes(log2N, r),
});

/**
 * Deterministic for a given salt; the caller supplies 16 random bytes (the CLI uses crypto.randomBytes).
 * Refuses a PIN outside the keypad's 6–12 digits, so no hash in the current format hides a shorter one.
 */
export const hashPin = (pin: string, salt: Uint8Array): string => {
  if (salt.length !== PIN_SCRYPT.saltLength)
    throw new RangeError(`salt must be ${PIN_SCRYPT.saltLength} bytes`);
  const checked = checkPinFormat(pin);
  if (!checked.ok) throw new RangeError(checked.error);
  const { log2N, r, p, keyLength } = PIN_SCRYPT;
  const saltBuffer = Buffer.from(salt);
  const hash = scryptSync(pin.normalize('NFKC'), saltBuffer, keyLength, options(log2N, r, p));
  return formatPinHash({ log2N, r, p, minDigits: MIN_PIN_DIGITS, salt: saltBuffer, hash });
};

const deriveAsync = (pin: string, salt: Buffer, length: number, opts: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, length, opts, (e, key) => {
      if (e) reject(e);
      else resolve(key);
    });
  });

/**
 * True only for the PIN that made `hash`. Off the main thread (scrypt runs in libuv's pool), so the kiosk's
 * main process stays responsive for the fifth of a second it takes. Every typed PIN costs the full derivation
 * and the comparison is constant-time. A hash that does not parse never matches.
 */
export const verifyPin = async (pin: string, hash: string): Promise<boolean> => {
  const parsed = parsePinHash(hash);
  if (!parsed.ok) return false;
  const { log2N, r, p, salt, hash: expected } = parsed.value;
  const derived = await deriveAsync(pin, salt, expected.length, options(log2N, r, p));
  return timingSafeEqual(derived, expected);
};
