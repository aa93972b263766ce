import { z } from 'zod';
import { Points, PositivePoints, SchemeItemId } from './points';

export const PassFailRule = z.object({ type: z.literal('pass_fail') });

/** max − min(cap, occurrences × perOccurrence), never below 0. */
export const DeductionRule = z.object({
  type: z.literal('deduction'),
  perOccurrence: PositivePoints,
  cap: PositivePoints,
});

/**
 * A measured value is compared with `nominal`; the first band whose `within` covers |value − nominal|
 * gives the mark, and a deviation beyond every band earns 0. Bands are symmetric around the nominal.
 */
export const ToleranceBand = z.object({
  within: z.number().finite().min(0),
  mark: Points,
});
export const ToleranceRule = z.object({
  type: z.literal('tolerance'),
  nominal: z.number().finite(),
  unit: z.string().trim().max(20).default(''),
  bands: z.array(ToleranceBand).min(1).max(10),
});

export const MeasurementRule = z.discriminatedUnion('type', [PassFailRule, DeductionRule, ToleranceRule]);
export type MeasurementRule = z.infer<typeof MeasurementRule>;

const aspectBase = {
  id: SchemeItemId,
  title: z.string().trim().min(1).max(200),
  max: PositivePoints,
  /** 必考项: must be marked before a decision can be submitted, and counts against passing if missing. */
  mandatory: z.boolean().default(false),
};

export const MeasurementAspect = z.object({ kind: z.literal('M'), ...aspectBase, rule: MeasurementRule });
export type MeasurementAspect = z.infer<typeof MeasurementAspect>;

/** Judgement 0–3, one written descriptor per score (index = score). */
export const JudgementAspect = z.object({
  kind: z.literal('J'),
  ...aspectBase,
  descriptors: z.tuple([
    z.string().trim().min(1).max(1000),
    z.string().trim().min(1).max(1000),
    z.string().trim().min(1).max(1000),
    z.string().trim().min(1).max(1000),
  ]),
});
export type JudgementAspect = z.infer<typeof JudgementAspect>;

export const Aspect = z.discriminatedUnion('kind', [MeasurementAspect, JudgementAspect]);
export type Aspect = z.infer<typeof Aspect>;

export const JUDGEMENT_MAX_SCORE = 3;
