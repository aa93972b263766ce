import { z } from 'zod';
import { EntityId } from '../common/entity-id';
import { IsoDate, daysInMonth, formatIsoDate, parseIsoDate } from '../common/iso-date';
import { OccupationCode } from '../occupation/occupation-code';
import { SkillLevel } from '../occupation/skill-level';
import { addWorkingDays } from '../calendar/working-days';
import { ArchiveCode } from './archive-code';

export const ArchiveStatus = z.enum(['valid', 'suspended', 'revoked', 'superseded', 'expired']);
export type ArchiveStatus = z.infer<typeof ArchiveStatus>;

/** One issued version of an archive; a reissue or renewal adds a version and supersedes the previous one. */
export const ArchiveVersion = z.object({
  code: ArchiveCode,
  version: z.number().int().min(1),
  practitionerId: EntityId,
  submissionId: EntityId,
  occupationCode: OccupationCode,
  level: SkillLevel,
  issuedOn: IsoDate,
  expiresOn: IsoDate,
  status: ArchiveStatus,
  /** Coded reason for suspended / revoked / superseded (e.g. 'loss.reissued', 'revoked.fraud'), else null. */
  reasonCode: z.string().max(100).nullable(),
});
export type ArchiveVersion = z.infer<typeof ArchiveVersion>;

export const ARCHIVE_VALIDITY_YEARS = 3;

/** Issued + 3 years, the same calendar day; an archive issued on 29 February expires on 28 February. */
export function archiveExpiry(issuedOn: string): string {
  const issued = parseIsoDate(issuedOn);
  if (!issued) throw new RangeError(`not a calendar date: '${issuedOn}'`);
  const year = issued.year + ARCHIVE_VALIDITY_YEARS;
  return formatIsoDate({ year, month: issued.month, day: Math.min(issued.day, daysInMonth(year, issued.month)) });
}

/** Art. 12: the institution reports a loss to the registry within 3 working days of the worker telling it. */
export const LOSS_REPORT_WORKING_DAYS = 3;

/** Last day the institution can report on time. Throws CalendarYearUnknownError where the calendar is unknown. */
export function lossReportDeadline(institutionToldOn: string): string {
  return addWorkingDays(institutionToldOn, LOSS_REPORT_WORKING_DAYS);
}
