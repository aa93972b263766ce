import { describe, expect, it } from 'vitest';
import { CN_STATUTORY_HOLIDAYS } from './cn-statutory-holidays';
import { CalendarYearUnknownError, addWorkingDays, isWorkingDay, knownCalendarYears, tryAddWorkingDays } from './working-days';

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('isWorkingDay', () => {
  it.each([
    ['2026-12-03', true], // Thursday
    ['2026-12-05', false], // Saturday
    ['2026-02-14', true], // Saturday, 调休 working day before Spring Festival
    ['2026-02-16', false], // Monday inside Spring Festival
    ['2026-02-28', true], // Saturday, 调休 after Spring Festival
    ['2024-02-09', true], // Friday 除夕 2024: only encouraged off, officially a working day
    ['2024-02-18', true], // Sunday, 调休
    ['2025-10-08', false], // Wednesday, last day of the 8-day National Day + Mid-Autumn holiday
    ['2022-12-31', false], // Saturday, start of the 2023 New Year holiday
    ['2023-01-02', false], // Monday, New Year holiday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('throws calendarYearUnknown for a year without a notice, never guessing weekdays', () => {
    expect(() => isWorkingDay('2027-01-04')).toThrow(CalendarYearUnknownError);
    expect(() => isWorkingDay('2021-06-01')).toThrow(CalendarYearUnknownError);
    try {
      isWorkingDay('2027-03-01');
    } catch (error) {
      expect(error).toMatchObject({ code: 'calendarYearUnknown', year: 2027 });
    }
  });

  it('needs next year’s notice for late December, which a New Year arrangement can reach', () => {
    expect(isWorkingDay('2026-12-23')).toBe(true);
    expect(() => isWorkingDay('2026-12-24')).toThrow(CalendarYearUnknownError);
    expect(isWorkingDay('2025-12-29')).toBe(true); // 2026 is known
  });

  it('rejects something that is not a date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('a loss the day before National Day 2025 skips the holiday and counts the adjusted Saturday', () => {
    // 2025-09-30 (Tue); 10-01..10-08 holiday; 10-09 Thu (1), 10-10 Fri (2), 10-11 Sat 调休 (3)
    expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
  });

  it('the same for National Day 2026', () => {
    // 2026-09-30 (Wed); 10-01..10-07 holiday; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat 调休 (3)
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('counts a Sunday 调休 and skips Spring Festival 2024', () => {
    // 2024-02-08 Thu → 02-09 Fri (1); 02-10..02-17 holiday; 02-18 Sun 调休 (2); 02-19 Mon (3)
    expect(addWorkingDays('2024-02-08', 3)).toBe('2024-02-19');
  });

  it('counts over a plain weekend and crosses a year boundary', () => {
    expect(addWorkingDays('2026-12-04', 3)).toBe('2026-12-09'); // Fri → Mon, Tue, Wed
    // 2025-12-31 Wed → 2026-01-01..03 holiday, 01-04 Sun 调休 (1), 01-05 Mon (2), 01-06 Tue (3)
    expect(addWorkingDays('2025-12-31', 3)).toBe('2026-01-06');
    expect(addWorkingDays('2026-12-03', 0)).toBe('2026-12-03');
  });

  it('fails rather than run into a year without a table', () => {
    expect(addWorkingDays('2026-12-18', 3)).toBe('2026-12-23');
    expect(() => addWorkingDays('2026-12-21', 3)).toThrow(CalendarYearUnknownError);
    expect(tryAddWorkingDays('2026-12-21', 3)).toEqual({ ok: false, error: 'calendarYearUnknown', year: 2027 });
    expect(tryAddWorkingDays('2026-12-03', 3)).toEqual({ ok: true, date: '2026-12-08' });
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-12-03', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-03', 1.5)).toThrow(RangeError);
  });
});

describe('holiday tables', () => {
  it('list every year once, in order', () => {
    expect(knownCalendarYears()).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  it('make only Saturdays and Sundays into working days, never inside a holiday', () => {
    for (const notice of CN_STATUTORY_HOLIDAYS) {
      for (const day of notice.adjustedWorkdays) {
        expect([0, 6], `${day} is a weekend`).toContain(weekday(day));
        expect(notice.holidays.some((p) => p.from <= day && day <= p.to), `${day} outside holidays`).toBe(false);
        expect(day.startsWith(String(notice.year))).toBe(true);
      }
      for (const period of notice.holidays) expect(period.from <= period.to).toBe(true);
    }
  });
});
