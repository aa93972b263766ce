import type { MarkSheet } from '../review/mark-sheet';
import { JUDGEMENT_MAX_SCORE } from '../scheme/aspect';
import { schemeAspects, type MarkingScheme } from '../scheme/marking-scheme';
import type { VetoRule } from '../scheme/veto-rule';
import { judgementScore, measurementAwardCents } from './aspect-award';
import { applyScheme, type SchemeResult } from './apply-result';
import { roundRatio, toCents } from './cents';

export type AggregateOutcome = 'certified' | 'not_certified' | 'returned' | 'discrepancy';

export interface JudgementDiscrepancy {
  aspectId: string;
  /** Scores sorted ascending, without who gave them: experts see the spread, never each other's names. */
  scores: number[];
  spread: number;
}

export interface VetoTally {
  vetoId: string;
  hits: number;
  applied: boolean;
}

export interface AggregateResult extends SchemeResult {
  outcome: AggregateOutcome;
  experts: number;
  /** At least scheme.expertsPerSubmission decisions were aggregated. */
  complete: boolean;
  returnVotes: number;
  discrepancies: JudgementDiscrepancy[];
  vetoTally: VetoTally[];
}

export type ScoringInputProblem = 'noSheets' | 'schemeMismatch' | 'roundMismatch';

export class ScoringInputError extends Error {
  constructor(readonly problem: ScoringInputProblem) {
    super(`aggregateDecisions: ${problem}`);
    this.name = 'ScoringInputError';
  }
}

export type DecisionSheet = Pick<MarkSheet, 'schemeId' | 'schemeVersion' | 'round' | 'marks' | 'vetoHits' | 'verdict'>;

const isMajority = (count: number, of: number): boolean => count * 2 > of;

/**
 * The panel's result for one round (DESIGN §6), the registry's authoritative outcome.
 *
 * - Marks: J awarded = max × mean (or the scheme's median) of the experts' scores / 3; M awarded = the
 *   mean of each expert's M award. An aspect an expert left unmarked counts as score 0 from them.
 * - Vetoes: a veto applies when a strict majority of the experts hit it (each with evidence). One
 *   expert alone cannot fail a candidate the rest of the panel saw no violation from — the panel
 *   exists to bound any one reviewer's error; the tally still shows every hit.
 * - Outcome, in order: a strict majority of 'return' verdicts → returned (the recording cannot be
 *   judged, so scores are moot); an applied fail-all veto → not_certified (no judgement could change
 *   that); any J spread above judgementMaxSpread → discrepancy (a new round); else certified or
 *   not_certified by the computed pass. Expert 'pass'/'fail' verdicts do not override the computation.
 * Sheet order never matters: every statistic used is symmetric in the experts.
 */
export function aggregateDecisions(scheme: MarkingScheme, sheets: readonly DecisionSheet[]): AggregateResult {
  const first = sheets[0];
  if (!first) throw new ScoringInputError('noSheets');
  if (sheets.some((sheet) => sheet.schemeId !== scheme.id || sheet.schemeVersion !== scheme.version)) {
    throw new ScoringInputError('schemeMismatch');
  }
  if (sheets.some((sheet) => sheet.round !== first.round)) throw new ScoringInputError('roundMismatch');

  const n = sheets.length;
  const valuesBySheet = sheets.map((sheet) => {
    const values = new Map<string, boolean | number>();
    for (const mark of sheet.marks) if (!values.has(mark.aspectId)) values.set(mark.aspectId, mark.value);
    return values;
  });

  const awarded = new Map<string, number>();
  const discrepancies: JudgementDiscrepancy[] = [];
  const missingMandatory: string[] = [];
  for (const aspect of schemeAspects(scheme)) {
    const values = valuesBySheet.map((byAspect) => byAspect.get(aspect.id));
    const maxCents = toCents(aspect.max);
    if (aspect.kind === 'J') {
      const scores = values.map(judgementScore);
      if (aspect.mandatory && scores.includes(null)) missingMandatory.push(aspect.id);
      const sorted = scores.map((score) => score ?? 0).sort((a, b) => a - b);
      const spread = sorted[sorted.length - 1]! - sorted[0]!;
      if (spread > scheme.judgementMaxSpread) discrepancies.push({ aspectId: aspect.id, scores: sorted, spread });
      awarded.set(aspect.id, judgementCents(maxCents, sorted, scheme.aggregation));
    } else {
      const awards = values.map((value) => measurementAwardCents(aspect, value));
      if (aspect.mandatory && awards.includes(null)) missingMandatory.push(aspect.id);
      const sum = awards.reduce<number>((total, cents) => total + (cents ?? 0), 0);
      awarded.set(aspect.id, roundRatio(sum, n));
    }
  }

  const vetoTally = scheme.vetoRules.map((veto) => {
    const hits = sheets.filter((sheet) => sheet.vetoHits.some((hit) => hit.vetoId === veto.id)).length;
    return { vetoId: veto.id, hits, applied: isMajority(hits, n) };
  });
  const applied: VetoRule[] = scheme.vetoRules.filter((_, v) => vetoTally[v]!.applied);
  const result = applyScheme(scheme, awarded, applied, missingMandatory);

  const returnVotes = sheets.filter((sheet) => sheet.verdict === 'return').length;
  let outcome: AggregateOutcome;
  if (isMajority(returnVotes, n)) outcome = 'returned';
  else if (result.failAll) outcome = 'not_certified';
  else if (discrepancies.length > 0) outcome = 'discrepancy';
  else outcome = result.pass ? 'certified' : 'not_certified';

  return {
    ...result,
    outcome,
    experts: n,
    complete: n >= scheme.expertsPerSubmission,
    returnVotes,
    discrepancies,
    vetoTally,
  };
}

/** max × statistic(scores) / 3 in cents, exactly: the statistic stays a ratio of integers until the one rounding. */
function judgementCents(maxCents: number, sortedScores: number[], aggregation: 'mean' | 'median'): number {
  const n = sortedScores.length;
  if (aggregation === 'mean') {
    const sum = sortedScores.reduce((total, score) => total + score, 0);
    return roundRatio(maxCents * sum, JUDGEMENT_MAX_SCORE * n);
  }
  const middle = Math.floor(n / 2);
  if (n % 2 === 1) return roundRatio(maxCents * sortedScores[middle]!, JUDGEMENT_MAX_SCORE);
  return roundRatio(maxCents * (sortedScores[middle - 1]! + sortedScores[middle]!), 2 * JUDGEMENT_MAX_SCORE);
}
