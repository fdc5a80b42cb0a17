import { openLiveMessage } from '../../core/live/live-message';
import { decodePayload } from '../../core/protocol/payload';

/** Fields never shown whole: a pickup code is a customer's goods, a pushed password the machine's lock. */
const masked: Readonly<Record<string, (value: string) => string>> = {
  // The last two digits are enough to match a line to a complaint ("my code ends in 67").
  code: (value) =>
    value.length <= 2 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 2)}${value.slice(-2)}`,
  password: () => '***',
};

const verdict = (raw: Uint8Array, key: string): string => {
  const opened = openLiveMessage(raw, key);
  if (opened.ok) return 'ok';
  return opened.error === 'unsigned' ? 'BAD (unsigned)' : 'BAD';
};

/**
 * One line per message for `kioskctl mqtt watch`: when, where, what, whether the configured key signed it, then
 * the fields with `sign` left out (it is noise to a reader) and codes masked.
 */
export const watchLine = (at: Date, topic: string, raw: Uint8Array, key: string): string => {
  const decoded = decodePayload(Buffer.from(raw).toString('utf8').trim());
  const time = at.toISOString();
  if (!decoded.ok) return `${time} ${topic} ? unreadable: ${decoded.error.reason} (${raw.length} bytes)`;
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(decoded.fields)) {
    if (name === 'sign') continue;
    const mask = masked[name];
    shown[name] = mask ? mask(value) : value;
  }
  const method = decoded.fields.method ?? '?';
  return `${time} ${topic} ${method} sign ${verdict(raw, key)} ${JSON.stringify(shown)}`;
};
