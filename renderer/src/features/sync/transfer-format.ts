import { phrase, type Phrase } from './phrase';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1536 → "1.5 KB" (binary multiples, the way file managers count); digits in the UI language's style. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}

/** Whole percent, never 100 before the last byte and never above it. */
export function percentOf(bytes: number, total: number): number {
  if (total <= 0) return 0;
  if (bytes >= total) return 100;
  return Math.min(99, Math.floor((bytes / total) * 100));
}

/** Seconds left as "2 min 5 s" / "1 h 3 min"; null when the rate is not measurable yet. */
export function durationPhrase(seconds: number | null | undefined): Phrase | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return null;
  const whole = Math.ceil(seconds);
  if (whole < 60) return phrase('sync.duration.seconds', { s: whole });
  if (whole < 3600) return phrase('sync.duration.minutes', { m: Math.floor(whole / 60), s: whole % 60 });
  return phrase('sync.duration.hours', { h: Math.floor(whole / 3600), m: Math.floor((whole % 3600) / 60) });
}
