import type { MarkingScheme } from '../scheme/marking-scheme';
import type { VetoEffect, VetoRule } from '../scheme/veto-rule';
import { fromCents, toCents } from './cents';

export interface AspectResult {
  id: string;
  criterionId: string;
  kind: 'M' | 'J';
  awarded: number;
  max: number;
  vetoed: boolean;
}

export interface CriterionResult {
  id: string;
  subtotal: number;
  max: number;
}

export interface AppliedVeto {
  vetoId: string;
  effect: VetoEffect;
}

export interface SchemeResult {
  total: number;
  criteria: CriterionResult[];
  aspects: AspectResult[];
  vetoHits: AppliedVeto[];
  failAll: boolean;
  missingMandatory: string[];
  pass: boolean;
}

/**
 * From awarded cents per aspect (absent = 0) and the vetoes that apply, the result DESIGN §6 defines.
 * A fail-all veto leaves the total as demonstrated but fails the result, so the record still shows
 * what the candidate did.
 */
export function applyScheme(
  scheme: MarkingScheme,
  awardedCents: ReadonlyMap<string, number>,
  vetoes: readonly VetoRule[],
  missingMandatory: string[],
): SchemeResult {
  const zeroAspects = new Set(vetoes.flatMap((veto) => (veto.effect === 'zero_aspect' ? [veto.aspectId] : [])));
  const zeroCriteria = new Set(vetoes.flatMap((veto) => (veto.effect === 'zero_criterion' ? [veto.criterionId] : [])));
  const failAll = vetoes.some((veto) => veto.effect === 'fail_all');

  const aspects: AspectResult[] = [];
  const criteria: CriterionResult[] = [];
  let totalCents = 0;
  for (const criterion of scheme.criteria) {
    let subtotalCents = 0;
    let maxCents = 0;
    for (const aspect of criterion.aspects) {
      const vetoed = zeroAspects.has(aspect.id) || zeroCriteria.has(criterion.id);
      const cents = vetoed ? 0 : (awardedCents.get(aspect.id) ?? 0);
      subtotalCents += cents;
      maxCents += toCents(aspect.max);
      aspects.push({ id: aspect.id, criterionId: criterion.id, kind: aspect.kind, awarded: fromCents(cents), max: aspect.max, vetoed });
    }
    totalCents += subtotalCents;
    criteria.push({ id: criterion.id, subtotal: fromCents(subtotalCents), max: fromCents(maxCents) });
  }
  const pass = totalCents >= toCents(scheme.passMark) && !failAll && missingMandatory.length === 0;
  return {
    total: fromCents(totalCents),
    criteria,
    aspects,
    vetoHits: vetoes.map((veto) => ({ vetoId: veto.id, effect: veto.effect })),
    failAll,
    missingMandatory,
    pass,
  };
}
