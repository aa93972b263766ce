import type { MarkSheet } from '../review/mark-sheet';
import { schemeAspects, type MarkingScheme } from '../scheme/marking-scheme';
import { aspectAwardCents } from './aspect-award';
import { applyScheme, type SchemeResult } from './apply-result';

export type SheetScore = SchemeResult;

/**
 * One expert's result: the live total while scoring and the expert's own pass/fail preview. Marks
 * that do not fit their aspect (see validateMarkSheetAgainstScheme) and unknown ids are ignored, so
 * an unusable mark counts as unmarked; the first mark of a duplicated aspect wins.
 */
export function scoreMarkSheet(scheme: MarkingScheme, sheet: Pick<MarkSheet, 'marks' | 'vetoHits'>): SheetScore {
  const values = new Map<string, boolean | number>();
  for (const mark of sheet.marks) if (!values.has(mark.aspectId)) values.set(mark.aspectId, mark.value);

  const awarded = new Map<string, number>();
  const missingMandatory: string[] = [];
  for (const aspect of schemeAspects(scheme)) {
    const cents = aspectAwardCents(aspect, values.get(aspect.id));
    if (cents !== null) awarded.set(aspect.id, cents);
    else if (aspect.mandatory) missingMandatory.push(aspect.id);
  }
  const hitIds = new Set(sheet.vetoHits.map((hit) => hit.vetoId));
  const vetoes = scheme.vetoRules.filter((veto) => hitIds.has(veto.id));
  return applyScheme(scheme, awarded, vetoes, missingMandatory);
}
