import { formatIsoDate, parseIsoDate, type DateParts } from '../common/iso-date';
import { CN_STATUTORY_HOLIDAYS, type StatutoryHolidayNotice } from './cn-statutory-holidays';

/**
 * Thrown for a date whose working-day status depends on a notice we do not have. Deadlines computed
 * as if such a year had only weekends would be silently wrong, so callers must surface this.
 */
export class CalendarYearUnknownError extends Error {
  readonly code = 'calendarYearUnknown';
  constructor(readonly year: number) {
    super(`calendarYearUnknown: no statutory holiday table for ${year}`);
    this.name = 'CalendarYearUnknownError';
  }
}

/**
 * Next year's New Year arrangement can reach back into late December (the 2019 notice made
 * Saturday 2018-12-29 a working day), so from this day of December on the next year's table is needed too.
 */
const NEXT_YEAR_REACHES_BACK_FROM_DAY = 24;

interface CalendarIndex {
  years: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

function buildIndex(notices: readonly StatutoryHolidayNotice[]): CalendarIndex {
  const holidays = new Set<string>();
  for (const notice of notices) {
    for (const period of notice.holidays) {
      for (let day = period.from; day <= period.to; day = nextDay(day)) holidays.add(day);
    }
  }
  return {
    years: new Set(notices.map((notice) => notice.year)),
    holidays,
    workdays: new Set(notices.flatMap((notice) => notice.adjustedWorkdays)),
  };
}

const INDEX = buildIndex(CN_STATUTORY_HOLIDAYS);

function parts(date: string): DateParts {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`not a calendar date: '${date}'`);
  return parsed;
}

function nextDay(date: string): string {
  const { year, month, day } = parts(date);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return formatIsoDate({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() });
}

function requireKnown({ year, month, day }: DateParts): void {
  if (!INDEX.years.has(year)) throw new CalendarYearUnknownError(year);
  if (month === 12 && day >= NEXT_YEAR_REACHES_BACK_FROM_DAY && !INDEX.years.has(year + 1)) {
    throw new CalendarYearUnknownError(year + 1);
  }
}

/** Years with a transcribed notice. */
export function knownCalendarYears(): number[] {
  return [...INDEX.years].sort((a, b) => a - b);
}

/** Whether `date` ('YYYY-MM-DD') is a working day in mainland China. Throws CalendarYearUnknownError. */
export function isWorkingDay(date: string): boolean {
  const p = parts(date);
  requireKnown(p);
  if (INDEX.workdays.has(date)) return true;
  if (INDEX.holidays.has(date)) return false;
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after `date` (the date itself never counts), e.g. the deadline of a loss
 * report "within 3 working days" is addWorkingDays(lossDate, 3). n = 0 returns the date unchanged.
 * Throws CalendarYearUnknownError if any day on the way lies in a year without a table.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 1000) throw new RangeError('addWorkingDays needs an integer 0..1000');
  requireKnown(parts(date));
  let current = date;
  for (let remaining = n; remaining > 0; ) {
    current = nextDay(current);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

export type WorkingDayResult = { ok: true; date: string } | { ok: false; error: 'calendarYearUnknown'; year: number };

/** addWorkingDays as a value instead of a throw, for callers that store or return the outcome. */
export function tryAddWorkingDays(date: string, n: number): WorkingDayResult {
  try {
    return { ok: true, date: addWorkingDays(date, n) };
  } catch (error) {
    if (error instanceof CalendarYearUnknownError) return { ok: false, error: error.code, year: error.year };
    throw error;
  }
}
