import type { LogEventView } from '../../contract/operator-schemas';

/** A line's other fields are shown as compact JSON, cut at this length: the list is for reading on a screen. */
export const MAX_DETAIL_CHARS = 400;

type LineLevel = Exclude<LogEventView['level'], 'unreadable'>;
const LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error'] satisfies LineLevel[];
const isLevel = (v: unknown): v is LineLevel => typeof v === 'string' && LEVELS.includes(v);

const cut = (text: string): string =>
  text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS - 1)}…` : text;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One line of the JSON log as the maintenance screen and `kioskctl kiosk log` show it. A line that is not the
 * logger's own shape (cut short by a crash, say) is kept as text rather than dropped: a gap would hide it.
 */
export const toLogEvent = (line: string): LogEventView => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    parsed = null;
  }
  if (!isRecord(parsed)) return { t: '', level: 'unreadable', event: '', detail: cut(line) };
  const { t, level, event, ...fields } = parsed;
  if (typeof t !== 'string' || !isLevel(level) || typeof event !== 'string')
    return { t: '', level: 'unreadable', event: '', detail: cut(line) };
  return {
    t,
    level,
    event,
    detail: Object.keys(fields).length === 0 ? '' : cut(JSON.stringify(fields)),
  };
};
