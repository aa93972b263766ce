import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Gregorian date parts of a 'YYYY-MM-DD' string, or null when it is not a real calendar date. */
export function parseIsoDate(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function formatIsoDate({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Today's calendar date in China (UTC+8, no daylight saving), because birth dates, due dates and
 * loss-report deadlines are Chinese civil dates whatever the machine's time zone is.
 */
export function todayInChina(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return shifted.toISOString().slice(0, 10);
}

/** A real calendar date written 'YYYY-MM-DD' (2023-02-29 is rejected). */
export const IsoDate = z.string().refine((value) => parseIsoDate(value) !== null, 'date.invalid');
export type IsoDate = z.infer<typeof IsoDate>;
