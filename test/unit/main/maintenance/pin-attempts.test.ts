import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCell, type StateCell } from '../../../../electron/core/throttle/state-cell';
import { countBeforeCheck, createPinAttempts } from '../../../../electron/main/maintenance/pin-attempts';
import { fileCell, pinStatePath } from '../../../../electron/main/maintenance/pin-state-file';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';

const HOUR = 3_600_000;
const unreadable: string[] = [];
const attemptsOver = (clock: ManualClock, cell: StateCell) =>
  createPinAttempts(clock, cell, (why) => unreadable.push(why));

describe('wrong maintenance PINs: the budget', () => {
  it('holds a guesser to 6 wrong PINs in any hour and 20 in any day, however fast it tries', async () => {
    const clock = new ManualClock();
    const attempts = attemptsOver(clock, memoryCell());
    const wrongAt: number[] = [];
    const end = clock.now() + 30 * HOUR;
    while (clock.now() < end) {
      const locked = attempts.lockedForMs();
      if (locked > 0) {
        await clock.advance(locked);
        continue;
      }
      attempts.wrong();
      wrongAt.push(clock.now());
      await clock.advance(1000);
    }
    const busiest = (span: number) =>
      Math.max(...wrongAt.map((t) => wrongAt.filter((u) => u >= t && u < t + span).length));
    console.log(
      `PIN guesser, 30 h: ${wrongAt.length} wrong PINs, busiest hour ${busiest(HOUR)}, busiest day ${busiest(24 * HOUR)}`,
    );
    expect(busiest(HOUR)).toBe(6);
    expect(busiest(24 * HOUR)).toBe(20);
  });

  it('doubles the burst lockout, and a restart in between changes nothing', () => {
    const clock = new ManualClock();
    const cell = memoryCell();
    attemptsOver(clock, cell).wrong();
    attemptsOver(clock, cell).wrong();
    expect(attemptsOver(clock, cell).wrong().lockedOutForMs).toBe(300_000);
    expect(attemptsOver(clock, cell).lockedForMs()).toBe(300_000);
  });
});

describe('wrong maintenance PINs: the state file', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'pin-state-'));

  it('survives a restart: a new session over the same file sees the count and the lockout', async () => {
    const clock = new ManualClock();
    const path = pinStatePath(folder());
    attemptsOver(clock, fileCell(path)).wrong();
    attemptsOver(clock, fileCell(path)).wrong();
    const third = attemptsOver(clock, fileCell(path)).wrong();
    expect(third.lockedOutForMs).toBe(300_000);
    await clock.advance(100_000);
    expect(attemptsOver(clock, fileCell(path)).lockedForMs()).toBe(200_000);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('the right PIN forgives, and that too is saved', () => {
    const clock = new ManualClock();
    const path = pinStatePath(folder());
    attemptsOver(clock, fileCell(path)).wrong();
    attemptsOver(clock, fileCell(path)).wrong();
    attemptsOver(clock, fileCell(path)).right();
    const after = attemptsOver(clock, fileCell(path));
    after.wrong();
    after.wrong();
    expect(after.lockedForMs()).toBe(0);
  });

  it('a damaged file shuts the pad for one lockout instead of forgiving', () => {
    const clock = new ManualClock();
    const path = pinStatePath(folder());
    writeFileSync(path, 'garbage', { mode: 0o600 });
    unreadable.length = 0;
    expect(attemptsOver(clock, fileCell(path)).lockedForMs()).toBe(300_000);
    expect(unreadable).toEqual(['not a throttle state']);
  });

  it('a count that cannot be saved refuses the try', () => {
    const clock = new ManualClock();
    const logger = new MemoryLogger();
    const broken: StateCell = {
      read: () => null,
      write: () => {
        throw new Error('EROFS');
      },
    };
    expect(countBeforeCheck(attemptsOver(clock, broken), logger)).toEqual({
      ok: false,
      error: { code: 'locked-out', retryAfterSeconds: 300 },
    });
    expect(logger.has('maintenance.pin-state-unwritable')).toBe(true);
  });

  it('writes nothing in the file but the throttle state', () => {
    const clock = new ManualClock();
    const path = pinStatePath(folder());
    attemptsOver(clock, fileCell(path)).wrong();
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')) as object).sort()).toEqual(
      ['burstFrom', 'lastMissAt', 'lastMissKey', 'levelSince', 'level', 'lockedUntil', 'misses', 'v'].sort(),
    );
  });
});
