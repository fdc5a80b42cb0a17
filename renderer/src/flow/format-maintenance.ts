import { fill, type Strings } from '../i18n/strings';

/** A duration as the operator reads it: seconds under two minutes, minutes under two hours, then hours. */
export const formatDuration = (t: Strings, ms: number): string => {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 120) return fill(t.maintSeconds, { n: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return fill(t.maintMinutes, { n: minutes });
  return fill(t.maintHours, { n: Math.round(minutes / 60) });
};

/** Cloud clock minus local clock, with its sign: "+3 s" means the cloud is ahead; under half a second is "0 s". */
export const formatSkew = (t: Strings, ms: number): string => {
  const text = formatDuration(t, ms);
  if (Math.round(Math.abs(ms) / 1000) === 0) return text;
  return `${ms < 0 ? '−' : '+'}${text}`;
};

const pad = (n: number): string => n.toString().padStart(2, '0');

/** Local wall time, the same in both languages, so an operator can match it with the log. */
export const formatClockTime = (epochMs: number): string => {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** Whole minutes, rounded up, so a lockout never reads "0 min" while it still holds. */
export const minutesUp = (seconds: number): number => Math.max(1, Math.ceil(seconds / 60));
