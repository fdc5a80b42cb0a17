import { useEffect, useState } from 'react';

/** False until `ms` after the caller mounted, then true: for a line only a long wait deserves. */
export const useAfter = (ms: number): boolean => {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => {
      setOver(true);
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [ms]);
  return over;
};
