import { describe, expect, it, vi } from 'vitest';
import { EMPTY_REVIEW_DRAFT, type ReviewDraft } from '../../../shared/contract/ipc/review-channels';
import { MarkingScheme } from '../../../shared/domain/scheme/marking-scheme';
import { EXAMPLE_SCHEME_INPUT } from '../../../shared/domain/scoring/example-scheme';
import { scoreFocused, setMarkRationale } from '../../../renderer/src/features/review/screen/draft-edits';
import { previewCache } from '../../../renderer/src/features/review/screen/preview-cache';
import { ValueStore } from '../../../renderer/src/features/review/screen/value-store';

const scheme = MarkingScheme.parse(EXAMPLE_SCHEME_INPUT);

/**
 * The review screen re-renders a part only when what it selects from the draft store changed (Object.is). These
 * are the guarantees that rests on: a keystroke leaves every untouched slice identical, and one preview is computed
 * per draft however many parts select from it.
 */
describe('draft store: what a scoring keystroke changes', () => {
  const start: ReviewDraft = {
    ...EMPTY_REVIEW_DRAFT,
    marks: [{ aspectId: 'A1', value: true, rationale: '' }, { aspectId: 'A4', value: 1, rationale: '' }],
    clips: [{ id: 'c1', fromFrame: 1, toFrame: 5, note: '', attachTo: { kind: 'aspect', id: 'A4' } }],
    vetoHits: [{ vetoId: 'V1', rationale: '读数改写' }],
    focusedAspectId: 'A4',
  };

  it('keeps the other marks, the clips and the veto hits the same objects', () => {
    const next = scoreFocused(start, scheme, 2);
    expect(next.marks.find((m) => m.aspectId === 'A4')?.value).toBe(2);
    expect(next.marks.find((m) => m.aspectId === 'A1')).toBe(start.marks[0]);
    expect(next.clips).toBe(start.clips);
    expect(next.vetoHits).toBe(start.vetoHits);
    const typed = setMarkRationale(next, 'A4', '理由');
    expect(typed.marks.find((m) => m.aspectId === 'A1')).toBe(start.marks[0]);
    expect(typed.clips).toBe(start.clips);
  });

  it('computes one preview per draft, and a new one for a new draft', () => {
    const previewOf = previewCache(scheme);
    const next = scoreFocused(start, scheme, 3);
    expect(previewOf(start)).toBe(previewOf(start));
    expect(previewOf(next)).not.toBe(previewOf(start));
    const awarded = (draft: ReviewDraft, id: string) => previewOf(draft).score.aspects.find((a) => a.id === id)?.awarded;
    expect(awarded(next, 'A1')).toBe(awarded(start, 'A1'));
    expect(awarded(next, 'A4')).not.toBe(awarded(start, 'A4'));
  });

  it('tells subscribers about a new value only, and stops after unsubscribing', () => {
    const store = new ValueStore(start);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set(start);
    expect(listener).not.toHaveBeenCalled();
    const next = scoreFocused(start, scheme, 2);
    store.set(next);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get()).toBe(next);
    unsubscribe();
    store.set(start);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
