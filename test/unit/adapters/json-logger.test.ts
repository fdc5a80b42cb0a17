import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../electron/adapters/json-logger';
import { REDACTED } from '../../../electron/adapters/log-redaction';
import type { LogLevel } from '../../../electron/core/ports/logger';

const capture = (secrets: readonly string[] = []) => {
  const lines: string[] = [];
  const logger = createJsonLogger({
    level: 'debug',
    write: (l) => lines.push(l),
    now: () => Date.UTC(2026, 0, 2),
    secrets: () => secrets,
  });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
};

/** Every way a secret could be spelt in a JSON line: as itself, escaped once, escaped twice, \u-escaped. */
const spellingsInLine = (secret: string): string[] => {
  const once = JSON.stringify(secret).slice(1, -1);
  const ascii = once.replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return [secret, once, JSON.stringify(once).slice(1, -1), ascii, JSON.stringify(ascii).slice(1, -1)];
};

describe('JSON logger', () => {
  it('writes one JSON object per line with time, level and event', () => {
    const { logger, parsed } = capture();
    logger.info('cache.refreshed', { products: 3 });
    expect(parsed()).toEqual([
      { t: '2026-01-02T00:00:00.000Z', level: 'info', event: 'cache.refreshed', products: 3 },
    ]);
  });

  it('drops lines below the level, which may change once the configuration is read', () => {
    const lines: string[] = [];
    let level: LogLevel = 'warn';
    const logger = createJsonLogger({ level: () => level, write: (l) => lines.push(l) });
    logger.info('quiet');
    level = 'debug';
    logger.debug('loud');
    expect(lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['loud']);
  });

  it('scrubs credentials handed to it later from any field', () => {
    const lines: string[] = [];
    let secrets: readonly string[] = [];
    const logger = createJsonLogger({ level: 'debug', write: (l) => lines.push(l), secrets: () => secrets });
    secrets = ['test-secret', 'TESTKEY'];
    logger.error('cloud.rejected', { vendorMessage: 'bad AppSecret test-secret for TESTKEY' });
    expect(lines[0]).not.toContain('test-secret');
    expect(lines[0]).not.toContain('TESTKEY');
    expect(lines[0]).toContain(`bad AppSecret ${REDACTED} for ${REDACTED}`);
  });

  it('never lets a secret with a quote, a backslash, a newline and non-ASCII into the line, in any spelling', () => {
    const secret = 'p"a\\ss\nwörd✓';
    const { logger, lines } = capture([secret]);
    logger.error(`cloud.${secret}`, {
      raw: `before ${secret} after`,
      exact: secret,
      body: JSON.stringify({ appSecret: secret }),
      asciiBody: `{"appSecret":"${spellingsInLine(secret)[3] ?? ''}"}`,
      url: `https://vendor.invalid/?s=${encodeURIComponent(secret)}`,
      [secret]: 'a secret as a field name',
    });
    const line = lines[0] ?? '';
    for (const spelling of spellingsInLine(secret)) expect(line).not.toContain(spelling);
    expect(line).not.toContain(encodeURIComponent(secret));
    const fields = JSON.parse(line) as Record<string, unknown>;
    expect(Object.values(fields).join(' ')).not.toContain(secret);
    expect(fields).toMatchObject({
      event: `cloud.${REDACTED}`,
      raw: `before ${REDACTED} after`,
      exact: REDACTED,
      body: `{"appSecret":"${REDACTED}"}`,
      asciiBody: `{"appSecret":"${REDACTED}"}`,
      url: `https://vendor.invalid/?s=${REDACTED}`,
      [REDACTED]: 'a secret as a field name',
    });
  });

  it('scrubs a two-character secret where it is a whole value, and leaves words that merely contain it', () => {
    const { logger, parsed } = capture(['7Q']);
    logger.warn('probe', { alone: '7Q', inWord: 'A7Qb', count: 7, other: 'ok' });
    expect(parsed()[0]).toMatchObject({ alone: REDACTED, inWord: 'A7Qb', count: 7, other: 'ok' });
  });

  it('scrubs a number or a boolean whose text holds a secret, as a whole', () => {
    const { logger, parsed } = capture(['4242', '17']);
    logger.info('probe', { long: 1242420, short: 17, notShort: 170, flag: true });
    expect(parsed()[0]).toMatchObject({ long: REDACTED, short: REDACTED, notShort: 170, flag: true });
  });

  it('renames fields that would overwrite t, level or event, and keeps every one of them', () => {
    const { logger, parsed, lines } = capture();
    logger.info('real.event', {
      t: 'fake time',
      level: 'error',
      event: 'fake.event',
      'field.t': 'already taken',
      ['__proto__']: 'plain key',
    });
    expect(parsed()[0]).toEqual({
      t: '2026-01-02T00:00:00.000Z',
      level: 'info',
      event: 'real.event',
      'field.t': 'fake time',
      'field.level': 'error',
      'field.event': 'fake.event',
      'field.field.t': 'already taken',
      ['__proto__']: 'plain key',
    });
    expect(lines[0]?.startsWith('{"t":"2026-01-02T00:00:00.000Z","level":"info","event":"real.event"')).toBe(
      true,
    );
  });

  it('numbers a rename that is itself taken', () => {
    const { logger, parsed } = capture();
    logger.info('e', { 'field.t': 'one', t: 'two' });
    expect(parsed()[0]).toMatchObject({ 'field.t': 'one', 'field.t.2': 'two' });
  });
});
