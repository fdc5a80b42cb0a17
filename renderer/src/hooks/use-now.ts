import { useEffect, useState } from 'react';

/**
 * The wall clock, re-read every `intervalMs` until `until` (epoch ms) has passed; with no deadline, or
 * once it is over, no timer runs. The first read is scheduled at once so a countdown that just appeared
 * never starts from a stale time.
 */
export const useNow = (until: number | null, intervalMs = 250): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return undefined;
    const tick = (): void => {
      const current = Date.now();
      setNow(current);
      if (current >= until) clearInterval(timer);
    };
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [until, intervalMs]);
  return now;
};
