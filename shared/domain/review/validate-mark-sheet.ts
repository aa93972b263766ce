import { JUDGEMENT_MAX_SCORE, type Aspect } from '../scheme/aspect';
import { schemeAspects, type MarkingScheme } from '../scheme/marking-scheme';
import type { MarkSheet } from './mark-sheet';

export type MarkSheetIssueCode =
  | 'schemeMismatch'
  | 'unknownAspect'
  | 'duplicateAspect'
  | 'valueType'
  | 'valueOutOfRange'
  | 'rationaleRequired'
  | 'unknownVeto'
  | 'duplicateVeto'
  | 'mandatoryMissing';

export interface MarkSheetIssue {
  code: MarkSheetIssueCode;
  path: Array<string | number>;
  aspectId?: string;
  vetoId?: string;
}

/** Upper bound on counted occurrences: beyond it the input is a typo, not an observation. */
const MAX_OCCURRENCES = 1000;

export interface ValidateOptions {
  /** Report unmarked mandatory aspects too (submitting a decision; drafts may be incomplete). */
  requireMandatory?: boolean;
}

/**
 * Structural problems of a mark sheet against its scheme, as data the UI and the registry both use.
 * An empty list means scoreMarkSheet will use every mark as given.
 */
export function validateMarkSheetAgainstScheme(
  scheme: MarkingScheme,
  sheet: MarkSheet,
  options: ValidateOptions = {},
): MarkSheetIssue[] {
  const issues: MarkSheetIssue[] = [];
  if (sheet.schemeId !== scheme.id || sheet.schemeVersion !== scheme.version) {
    issues.push({ code: 'schemeMismatch', path: ['schemeVersion'] });
  }
  const aspects = new Map(schemeAspects(scheme).map((aspect) => [aspect.id, aspect]));
  const marked = new Set<string>();
  sheet.marks.forEach((mark, m) => {
    const path = ['marks', m];
    const aspect = aspects.get(mark.aspectId);
    if (!aspect) {
      issues.push({ code: 'unknownAspect', path: [...path, 'aspectId'], aspectId: mark.aspectId });
      return;
    }
    if (marked.has(mark.aspectId)) {
      issues.push({ code: 'duplicateAspect', path: [...path, 'aspectId'], aspectId: mark.aspectId });
      return;
    }
    marked.add(mark.aspectId);
    const valueProblem = checkValue(aspect, mark.value);
    if (valueProblem) {
      issues.push({ code: valueProblem, path: [...path, 'value'], aspectId: mark.aspectId });
      return;
    }
    // An extreme judgement must be explained: it is what a second expert or an appeal will question.
    const extreme = aspect.kind === 'J' && (mark.value === 0 || mark.value === JUDGEMENT_MAX_SCORE);
    if (extreme && !mark.rationale) issues.push({ code: 'rationaleRequired', path: [...path, 'rationale'], aspectId: mark.aspectId });
  });

  const vetoIds = new Set(scheme.vetoRules.map((veto) => veto.id));
  const hit = new Set<string>();
  sheet.vetoHits.forEach((vetoHit, v) => {
    const path = ['vetoHits', v, 'vetoId'];
    if (!vetoIds.has(vetoHit.vetoId)) issues.push({ code: 'unknownVeto', path, vetoId: vetoHit.vetoId });
    else if (hit.has(vetoHit.vetoId)) issues.push({ code: 'duplicateVeto', path, vetoId: vetoHit.vetoId });
    hit.add(vetoHit.vetoId);
  });

  if (options.requireMandatory) {
    for (const aspect of aspects.values()) {
      if (aspect.mandatory && !marked.has(aspect.id)) issues.push({ code: 'mandatoryMissing', path: ['marks'], aspectId: aspect.id });
    }
  }
  return issues;
}

function checkValue(aspect: Aspect, value: boolean | number): 'valueType' | 'valueOutOfRange' | null {
  if (aspect.kind === 'J') {
    if (typeof value !== 'number') return 'valueType';
    return Number.isInteger(value) && value >= 0 && value <= JUDGEMENT_MAX_SCORE ? null : 'valueOutOfRange';
  }
  switch (aspect.rule.type) {
    case 'pass_fail':
      return typeof value === 'boolean' ? null : 'valueType';
    case 'deduction':
      if (typeof value !== 'number') return 'valueType';
      return Number.isInteger(value) && value >= 0 && value <= MAX_OCCURRENCES ? null : 'valueOutOfRange';
    case 'tolerance':
      return typeof value === 'number' ? null : 'valueType';
  }
}
