import { z } from 'zod';
import { EntityId } from '../common/entity-id';
import { canonicalJson } from '../canonical-json';
import { OccupationCode } from '../occupation/occupation-code';
import { SkillLevel } from '../occupation/skill-level';
import { Aspect } from './aspect';
import { PositivePoints, SchemeItemId } from './points';
import { checkSchemeConsistency } from './scheme-consistency';
import { VetoRule } from './veto-rule';

export const Criterion = z.object({
  id: SchemeItemId,
  title: z.string().trim().min(1).max(200),
  aspects: z.array(Aspect).min(1).max(100),
});
export type Criterion = z.infer<typeof Criterion>;

export const Aggregation = z.enum(['mean', 'median']);
export type Aggregation = z.infer<typeof Aggregation>;

/**
 * The scheme's fields without the whole-scheme checks, for composing request schemas (zod cannot
 * .omit()/.pick() a refined object). Anything stored or scored must go through MarkingScheme.
 */
export const MarkingSchemeObject = z.object({
  id: EntityId,
  occupationCode: OccupationCode,
  level: SkillLevel,
  version: z.number().int().min(1),
  title: z.string().trim().min(1).max(200),
  passMark: PositivePoints.default(60),
  expertsPerSubmission: z.number().int().min(1).max(15).default(3),
  /** Largest allowed max − min of the experts' judgement scores on one aspect before a new round. */
  judgementMaxSpread: z.number().int().min(0).max(3).default(1),
  aggregation: Aggregation.default('mean'),
  criteria: z.array(Criterion).min(1).max(50),
  vetoRules: z.array(VetoRule).max(50).default([]),
});

/**
 * The certification standard for one occupation and level, versioned. Once a version is used for a
 * review it is immutable: decisions carry its content hash (see schemeContentForHash).
 */
export const MarkingScheme = MarkingSchemeObject.superRefine((scheme, ctx) => {
  for (const issue of checkSchemeConsistency(scheme)) ctx.addIssue({ code: 'custom', ...issue });
});
export type MarkingScheme = z.infer<typeof MarkingScheme>;
/** What authors write: defaults (pass mark 60, 3 experts, spread 1, mean, not mandatory) may be omitted. */
export type MarkingSchemeInput = z.input<typeof MarkingScheme>;

/**
 * The exact bytes whose SHA-256 is the scheme's content hash: the parsed scheme (defaults filled in,
 * unknown keys dropped) as canonical JSON. Id and version are included, so a hash names one version.
 * Hashing happens outside shared/ (node:crypto in services and registry, WebCrypto elsewhere).
 */
export function schemeContentForHash(scheme: MarkingSchemeInput): string {
  return canonicalJson(MarkingScheme.parse(scheme));
}

export function schemeAspects(scheme: MarkingScheme): Array<Aspect & { criterionId: string }> {
  return scheme.criteria.flatMap((criterion) => criterion.aspects.map((aspect) => ({ ...aspect, criterionId: criterion.id })));
}
