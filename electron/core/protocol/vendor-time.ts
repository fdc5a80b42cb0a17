/**
 * The vendor writes times as 'YYYY-MM-DD HH:MM:SS' in China Standard Time (UTC+8, no daylight saving),
 * whatever the kiosk's own time zone is. These convert without touching the process's zone.
 */
const offsetMs = 8 * 60 * 60 * 1000;
const pattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Epoch ms to the vendor's wall-clock text. */
export const formatVendorTime = (epochMs: number): string => {
  const d = new Date(epochMs + offsetMs);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
};

/** The vendor's wall-clock text to epoch ms; null for anything that is not a real date and time. */
export const parseVendorTime = (text: string): number | null => {
  const m = pattern.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(utc);
  // Date.UTC rolls 2024-02-30 over to March: refuse it instead of inventing a date.
  if (
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  return utc - offsetMs;
};
