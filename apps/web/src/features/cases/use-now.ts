/**
 * The current time, renewed every `everyMs`, so relative times ("due in 5 minutes") stay true while a
 * page is open. Read again on every render: data that arrives between ticks is never "in the future".
 */
import { useEffect, useState } from 'react';

export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return Math.max(now, Date.now());
}
