import { afterAll, describe, expect, it } from 'vitest';
import { readOnlyReasonPhrase, statusReasonPhrase } from '../../../renderer/src/features/review/screen/status-reason';
import { say, type Phrase } from '../../../renderer/src/features/sync/phrase';
import { i18n } from '../../../renderer/src/i18n/setup';

const inZh = (p: Phrase) => {
  void i18n.changeLanguage('zh-CN');
  return say(i18n.t, p);
};
const inEn = (p: Phrase) => {
  void i18n.changeLanguage('en-US');
  return say(i18n.t, p);
};

afterAll(() => void i18n.changeLanguage('zh-CN'));

describe('a task status reason in the read-only banner', () => {
  it('puts the reason after the category, free text exactly as written', () => {
    const p = readOnlyReasonPhrase('withdrawn', '专家病假')!;
    expect(inZh(p)).toBe('任务已被撤回：专家病假');
    expect(inEn(p)).toBe('Task withdrawn: 专家病假');
    expect(inZh(readOnlyReasonPhrase('conflictDeclared', '曾在该机构兼职授课')!)).toBe('已声明利益冲突：曾在该机构兼职授课');
  });

  it('words the registry codes in both languages, falling back to the rejection wording', () => {
    expect(statusReasonPhrase('submission.returned')).toEqual({ key: 'review.statusReason.submission.returned' });
    expect(inZh(readOnlyReasonPhrase('withdrawn', 'submission.returned')!)).toBe('任务已被撤回：提交材料已被退回');
    expect(inEn(readOnlyReasonPhrase('withdrawn', 'submission.returned')!)).toBe('Task withdrawn: the submission was returned');
    expect(inZh(readOnlyReasonPhrase('reassigned', 'reassigned')!)).toBe('任务已改派给其他专家：管理员改派，未注明原因');
    expect(statusReasonPhrase('task.staleVersion')).toEqual({ key: 'review.rejection.task.staleVersion' });
  });

  it('shows an unknown code, a group name or inherited names as text, and nothing for a blank reason', () => {
    for (const text of ['submission.vanished', 'submission', 'task', 'constructor', '__proto__', 'duplicate submission', 'see 3.2']) {
      expect(statusReasonPhrase(text), text).toEqual({ text });
    }
    expect(statusReasonPhrase(null)).toBeNull();
    expect(statusReasonPhrase('  ')).toBeNull();
    expect(readOnlyReasonPhrase('withdrawn', null)).toBeNull();
  });
});
