import { z } from 'zod';
import { EntityId, Sha256Hex } from '../common/entity-id';
import { SchemeItemId } from '../scheme/points';

const FrameIndex = z.number().int().min(0).max(100_000_000);

/** A frame range of the review proxy (0-based, inclusive), with what the expert saw there. */
export const EvidenceClip = z
  .object({
    fromFrame: FrameIndex,
    toFrame: FrameIndex,
    note: z.string().trim().max(1000).default(''),
  })
  .refine((clip) => clip.fromFrame <= clip.toFrame, { message: 'evidence.rangeReversed', path: ['toFrame'] });
export type EvidenceClip = z.infer<typeof EvidenceClip>;

/**
 * One aspect's mark. What `value` means depends on the aspect (checked by validateMarkSheetAgainstScheme):
 * pass/fail → boolean; deduction → occurrences (integer ≥ 0); tolerance → the measured value;
 * judgement → integer score 0–3.
 */
export const AspectMark = z.object({
  aspectId: SchemeItemId,
  value: z.union([z.boolean(), z.number().finite()]),
  rationale: z.string().trim().max(2000).optional(),
  evidence: z.array(EvidenceClip).max(50).optional(),
});
export type AspectMark = z.infer<typeof AspectMark>;

/** A veto is invalid without at least one evidence clip and a written rationale (DESIGN §6). */
export const VetoHit = z.object({
  vetoId: SchemeItemId,
  evidence: z.array(EvidenceClip).min(1, 'vetoHit.evidenceRequired').max(50),
  rationale: z.string().trim().min(1, 'vetoHit.rationaleRequired').max(2000),
});
export type VetoHit = z.infer<typeof VetoHit>;

export const Verdict = z.enum(['pass', 'fail', 'return']);
export type Verdict = z.infer<typeof Verdict>;

/**
 * An expert's decision on one review task: the payload that is signed (over its canonical JSON)
 * and synced. The scheme is pinned by id, version and content hash; the video by the proxy's hash.
 */
export const MarkSheet = z.object({
  taskId: EntityId,
  schemeId: EntityId,
  schemeVersion: z.number().int().min(1),
  schemeHash: Sha256Hex,
  proxySha256: Sha256Hex,
  round: z.number().int().min(1),
  marks: z.array(AspectMark).max(500),
  vetoHits: z.array(VetoHit).max(50),
  verdict: Verdict,
  comment: z.string().trim().max(4000).default(''),
  /** Hash of the expert's previous decision (a per-expert chain), null for the first. */
  previousDecisionHash: Sha256Hex.nullable(),
});
export type MarkSheet = z.infer<typeof MarkSheet>;
export type MarkSheetInput = z.input<typeof MarkSheet>;
