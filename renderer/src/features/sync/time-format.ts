import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';

dayjs.extend(relativeTime);

const dayjsLocale = (language: string) => (language === 'en-US' ? 'en' : 'zh-cn');

/** "3 分钟前" / "3 minutes ago", "几秒内" / "in a few seconds", relative to `now` in the UI language. */
export const fromNow = (iso: string, language: string, now: number): string =>
  dayjs(iso).locale(dayjsLocale(language)).from(dayjs(now));

export const absoluteTime = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** For table cells: to the minute (the tooltip has the seconds). */
export const shortTime = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm');

/**
 * The time of this render, with a re-render every `intervalMs` so relative times on screen do not go stale. Read at
 * render (not kept in state) so a status that just arrived is never "in the future" against an old tick.
 */
export function useNow(intervalMs: number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return Date.now();
}
