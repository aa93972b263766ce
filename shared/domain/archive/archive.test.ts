import { describe, expect, it } from 'vitest';
import { CalendarYearUnknownError } from '../calendar/working-days';
import { ArchiveVersion, archiveExpiry, lossReportDeadline } from './archive';

describe('archive validity and loss reports', () => {
  it('expires three years after issue, 29 February falling back to the 28th', () => {
    expect(archiveExpiry('2025-06-30')).toBe('2028-06-30');
    expect(archiveExpiry('2024-02-29')).toBe('2027-02-28');
  });

  it('gives the loss-report deadline in working days, over National Day', () => {
    expect(lossReportDeadline('2025-09-30')).toBe('2025-10-11');
    expect(() => lossReportDeadline('2026-12-22')).toThrow(CalendarYearUnknownError);
  });

  it('parses an archive version with a checked code', () => {
    const version = {
      code: 'OSEA-00000000016',
      version: 1,
      practitionerId: 'p1',
      submissionId: 's1',
      occupationCode: '6-18-02-04',
      level: 3,
      issuedOn: '2025-06-30',
      expiresOn: '2028-06-30',
      status: 'valid',
      reasonCode: null,
    };
    expect(ArchiveVersion.safeParse(version).success).toBe(true);
    expect(ArchiveVersion.safeParse({ ...version, code: 'OSEA-00000000017' }).success).toBe(false);
    expect(ArchiveVersion.safeParse({ ...version, status: 'lost' }).success).toBe(false);
  });
});
