import type { Aspect } from './aspect';
import type { VetoRule } from './veto-rule';

export interface SchemeIssue {
  path: Array<string | number>;
  message: string;
}

interface SchemeShape {
  passMark: number;
  criteria: Array<{ id: string; aspects: Aspect[] }>;
  vetoRules: VetoRule[];
}

const TOTAL_CENTS = 100_00;

/**
 * Rules that span the whole scheme, beyond what each field's schema checks. Messages are machine
 * codes (`scheme.*`) the UI translates. Runs on the parsed shape, so defaults are already filled in.
 */
export function checkSchemeConsistency(scheme: SchemeShape): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  const seen = new Set<string>();
  const claim = (id: string, path: Array<string | number>): void => {
    // One namespace for criteria, aspects and veto rules, so a veto target can never be ambiguous.
    if (seen.has(id)) issues.push({ path, message: 'scheme.duplicateId' });
    seen.add(id);
  };

  let totalCents = 0;
  scheme.criteria.forEach((criterion, c) => {
    claim(criterion.id, ['criteria', c, 'id']);
    criterion.aspects.forEach((aspect, a) => {
      const path = ['criteria', c, 'aspects', a];
      claim(aspect.id, [...path, 'id']);
      totalCents += Math.round(aspect.max * 100);
      if (aspect.kind === 'M') issues.push(...checkRule(aspect, [...path, 'rule']));
    });
  });
  if (totalCents !== TOTAL_CENTS) issues.push({ path: ['criteria'], message: 'scheme.totalNot100' });

  const aspectIds = new Set(scheme.criteria.flatMap((criterion) => criterion.aspects.map((aspect) => aspect.id)));
  const criterionIds = new Set(scheme.criteria.map((criterion) => criterion.id));
  scheme.vetoRules.forEach((veto, v) => {
    claim(veto.id, ['vetoRules', v, 'id']);
    if (veto.effect === 'zero_aspect' && !aspectIds.has(veto.aspectId)) {
      issues.push({ path: ['vetoRules', v, 'aspectId'], message: 'scheme.vetoTargetUnknown' });
    }
    if (veto.effect === 'zero_criterion' && !criterionIds.has(veto.criterionId)) {
      issues.push({ path: ['vetoRules', v, 'criterionId'], message: 'scheme.vetoTargetUnknown' });
    }
  });
  return issues;
}

function checkRule(aspect: Extract<Aspect, { kind: 'M' }>, path: Array<string | number>): SchemeIssue[] {
  const rule = aspect.rule;
  if (rule.type === 'deduction') {
    return rule.cap > aspect.max ? [{ path: [...path, 'cap'], message: 'scheme.deductionCapAboveMax' }] : [];
  }
  if (rule.type !== 'tolerance') return [];
  const issues: SchemeIssue[] = [];
  rule.bands.forEach((band, b) => {
    const bandPath = [...path, 'bands', b];
    if (band.mark > aspect.max) issues.push({ path: [...bandPath, 'mark'], message: 'scheme.bandMarkAboveMax' });
    const previous = rule.bands[b - 1];
    // Wider bands must come later and never give more: otherwise a worse measurement could score higher.
    if (previous && band.within <= previous.within) issues.push({ path: [...bandPath, 'within'], message: 'scheme.bandsNotWidening' });
    if (previous && band.mark > previous.mark) issues.push({ path: [...bandPath, 'mark'], message: 'scheme.bandMarksIncreasing' });
  });
  return issues;
}
