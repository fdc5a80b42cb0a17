import { randomBytes } from 'node:crypto';
import { checkPinFormat, hashPin, PIN_SCRYPT } from '../../core/security/pin-hash';
import { MAX_PIN_DIGITS, MIN_PIN_DIGITS } from '../../core/security/pin-hash-format';
import { parseArgs, UsageError } from '../args';
import type { CommandGroup } from '../command';
import { readSecretFromStdin, type SecretReader } from '../read-secret';

/** The environment variable `pin hash` reads first; otherwise it reads stdin (a pipe, or typed with echo off). */
export const PIN_ENV = 'KIOSK_PIN';

/**
 * `kioskctl pin hash`: prints the `scrypt$v2$…` line for `maintenance.pinHash`, and refuses a PIN under 6
 * digits: the configuration check cannot see the PIN behind a hash, only the format that says which rules made
 * it. The PIN never comes from argv, where `ps` and shell history would
 * keep it. The reader is injectable so tests need no terminal.
 */
export const createPinCommand = (readSecret: SecretReader = readSecretFromStdin): CommandGroup => ({
  name: 'pin',
  summary: `hash a maintenance PIN for the configuration (PIN from $${PIN_ENV} or stdin)`,
  usage: 'pin hash',
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'hash')
      throw new UsageError(sub === undefined ? 'missing sub-command' : `unknown sub-command "${sub}"`);
    const { positionals } = parseArgs(rest, {});
    if (positionals.length > 0)
      throw new UsageError(`never put the PIN on the command line: set $${PIN_ENV} or pipe it to stdin`);
    const fromEnv = io.env[PIN_ENV];
    const pin =
      fromEnv !== undefined && fromEnv !== ''
        ? fromEnv
        : await readSecret(`Maintenance PIN (${MIN_PIN_DIGITS}–${MAX_PIN_DIGITS} digits): `);
    if (pin === undefined) {
      io.err(`pin hash: no PIN given (set $${PIN_ENV} or pipe it to stdin)`);
      return 1;
    }
    const checked = checkPinFormat(pin.trim());
    if (!checked.ok) {
      io.err(`pin hash: ${checked.error}`);
      return 1;
    }
    io.out(hashPin(checked.value, randomBytes(PIN_SCRYPT.saltLength)));
    io.err('Put this line in the configuration as "maintenance": { "pinHash": "<line>" }.');
    return 0;
  },
});

export const pinCommand = createPinCommand();
