import { z } from 'zod';
import type { ThrottleState } from './throttle';
import { initialThrottle } from './throttle';

const time = z.number().int().nonnegative();

const currentSchema = z.strictObject({
  v: z.literal(2),
  misses: z.array(time).max(100_000),
  burstFrom: time.nullable(),
  lockedUntil: time.nullable(),
  level: z.number().int().min(0).max(64),
  levelSince: time.nullable(),
  lastMissAt: time.nullable(),
  lastMissKey: z.string().max(128).nullable(),
});

/** What kiosks before the hourly and daily budgets saved, read once after an upgrade. */
const firstSchema = z.object({
  wrong: z.array(time),
  lockedUntil: time.nullable(),
  level: z.number().int().min(0).max(64),
  lastWrongAt: time.nullable(),
});

export const encodeThrottleState = (state: ThrottleState): string => JSON.stringify({ v: 2, ...state });

/**
 * The saved state, or null when it cannot be read (the caller then fails closed). Nothing saved yet is a clean
 * start. The first format carries over: its recent misses count toward the budgets and its level stays.
 */
export const decodeThrottleState = (raw: string | null): ThrottleState | null => {
  if (raw === null) return initialThrottle;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const current = currentSchema.safeParse(value);
  if (current.success) {
    const { v: _version, ...state } = current.data;
    return { ...state, misses: [...state.misses].sort((a, b) => a - b) };
  }
  const first = firstSchema.safeParse(value);
  if (!first.success) return null;
  const { wrong, lockedUntil, level, lastWrongAt } = first.data;
  return {
    ...initialThrottle,
    misses: [...wrong].sort((a, b) => a - b),
    lockedUntil,
    level,
    levelSince: lockedUntil,
    lastMissAt: lastWrongAt,
  };
};
