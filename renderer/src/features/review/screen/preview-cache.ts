import type { ReviewDraft } from '../../../../../shared/contract/ipc/review-channels';
import type { MarkingScheme } from '../../../../../shared/domain/scheme/marking-scheme';
import { previewDraft, type ReviewPreview } from './review-preview';

export type PreviewOf = (draft: ReviewDraft) => ReviewPreview;

/**
 * One preview per draft object, however many components ask: the totals, every criterion subtotal and every aspect
 * row select from it, and a draft is never changed in place (draft-edits.ts), so its identity is its content.
 */
export function previewCache(scheme: MarkingScheme): PreviewOf {
  const previews = new WeakMap<ReviewDraft, ReviewPreview>();
  return (draft) => {
    let preview = previews.get(draft);
    if (!preview) {
      preview = previewDraft(scheme, draft);
      previews.set(draft, preview);
    }
    return preview;
  };
}
