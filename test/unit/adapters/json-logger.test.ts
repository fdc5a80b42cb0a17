import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../electron/adapters/json-logger';
import type { LogLevel } from '../../../electron/core/ports/logger';

describe('JSON logger', () => {
  it('writes one JSON object per line with time, level and event', () => {
    const lines: string[] = [];
    const logger = createJsonLogger({
      level: 'info',
      write: (l) => lines.push(l),
      now: () => Date.UTC(2026, 0, 2),
    });
    logger.info('cache.refreshed', { products: 3 });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
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
    expect(lines[0]).toContain('bad AppSecret *** for ***');
  });
});
