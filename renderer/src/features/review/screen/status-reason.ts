import type { ReadOnlyReason } from '../../../../../shared/contract/ipc/review-channels';
import { zhCN } from '../../../i18n/zh-CN';
import { phrase, type Phrase } from '../../sync/phrase';

/**
 * Where registry codes have words: the task status reasons first (`submission.returned`), then the op rejection codes
 * (`task.withdrawn`), which the registry may one day write as a status reason too and are already worded.
 */
const CODE_GROUPS = ['statusReason', 'rejection'] as const;

/** Registry codes are dotted lower camel case; a reason of any other shape is someone's own words. */
const CODE = /^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)*$/;

/** zh-CN is the source of truth (en-US has the same keys), so a string leaf there means both languages have words. */
function hasWords(group: (typeof CODE_GROUPS)[number], code: string): boolean {
  let node: unknown = zhCN.review[group];
  for (const part of code.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/**
 * A task's statusReason in words: a registry code by its translation; free text — the admin's withdraw note, the
 * expert's conflict declaration — exactly as written (it is already in the writer's language). Null when blank.
 */
export function statusReasonPhrase(reason: string | null): Phrase | null {
  const text = reason?.trim() ?? '';
  if (text === '') return null;
  if (CODE.test(text)) {
    for (const group of CODE_GROUPS) if (hasWords(group, text)) return phrase(`review.${group}.${text}`);
  }
  return { text };
}

/** The read-only banner's "category: why" line (任务已被撤回：专家病假); null when nobody said why. */
export function readOnlyReasonPhrase(readOnly: ReadOnlyReason, reason: string | null): Phrase | null {
  const why = statusReasonPhrase(reason);
  return why ? phrase('review.readOnly.because', { category: phrase(`review.readOnly.category.${readOnly}`), reason: why }) : null;
}
