import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { SyncOpView } from '../../shared/contract/ipc/channels';
import type { SeedProfile, SeedTask } from '../unit/review/support/review-seed';
import { saveScreen } from './support/screens';
import { OFFLINE_REGISTRY, openUnlocked, prepareReviewDataDir, rpc } from './support/review-world';
import { startWebHost, type WebHost } from './support/web-host';

/**
 * Issue 5, on the real web host with the registry unreachable: scores outside an aspect's range cannot be entered
 * (keys, typed numbers), and a conflict of interest is declared through its dialog — a reason is required, the
 * declaration is queued for the registry and the sheet turns read-only with the draft kept. A task the registry
 * withdrew says why in its read-only banner: the admin's words as written, a registry code in words.
 */
test.describe.configure({ mode: 'serial' });

const task = (profile: SeedProfile, taskId: string, name: string): SeedTask => ({
  taskId, expertId: profile.accountId, dueDate: '2026-12-28', practitionerName: name, residentIdMasked: '350102********0031',
});

let host: WebHost;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ({ dataDir } = await prepareReviewDataDir((profile) => ({
    withMedia: [
      task(profile, 'task-range', '周明'), task(profile, 'task-conflict', '吴静'),
      { ...task(profile, 'task-withdrawn', '郑芳'), state: 'withdrawn', version: 2, statusReason: '专家病假' },
      { ...task(profile, 'task-returned', '孙磊'), state: 'withdrawn', version: 2, statusReason: 'submission.returned' },
    ],
  })));
  host = await startWebHost({ registry: OFFLINE_REGISTRY, dataDir });
});

test.afterAll(async () => {
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openTask(page: Page, taskId: string): Promise<void> {
  await openUnlocked(page, host, `#/tasks/${taskId}`);
  await expect(page.getByTestId('page-review')).toHaveAttribute('data-task-id', taskId);
  await expect(page.getByTestId('frame-index')).toHaveText(/^\d+$/, { timeout: 20_000 });
}

async function savedRevision(page: Page): Promise<number> {
  const status = page.getByTestId('draft-status');
  await expect(status).toHaveAttribute('data-state', 'saved');
  return Number(await status.getAttribute('data-revision'));
}

test('scores outside an aspect’s range cannot be entered', async ({ page }) => {
  await openTask(page, 'task-range');
  const a4 = page.getByTestId('aspect-A4');
  await expect(a4).toHaveAttribute('data-focused', 'true');
  // Judgements are 0–3: other digits do nothing (no value, focus stays).
  for (const key of ['4', '7', '9']) await page.keyboard.press(key);
  await expect(a4).toHaveAttribute('data-value', '');
  await expect(a4).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('3');
  await expect(a4).toHaveAttribute('data-value', '3');

  // Occurrences are whole numbers 0–1000: a negative, a fraction and a huge count are brought into range.
  const occurrences = page.getByTestId('aspect-A2-occurrences').locator('input');
  for (const [typed, kept] of [['-5', '0'], ['2.7', '3'], ['5000', '1000']] as const) {
    await occurrences.fill(typed);
    await occurrences.blur();
    await expect(page.getByTestId('aspect-A2')).toHaveAttribute('data-value', kept);
  }
  const revision = await savedRevision(page);
  const saved = await rpc<{ draft: { marks: { aspectId: string; value: unknown }[] } }>(page, 'review.getTask', { taskId: 'task-range' });
  expect(saved.value?.draft?.marks.find((mark) => mark.aspectId === 'A2')?.value).toBe(1000);
  expect(revision).toBeGreaterThan(0);
});

test('a conflict of interest needs a reason; declared, it is queued and the sheet turns read-only with the draft kept', async ({ page }) => {
  await openTask(page, 'task-conflict');
  await page.keyboard.press('2');
  await expect(page.getByTestId('aspect-A4')).toHaveAttribute('data-value', '2');
  await savedRevision(page);

  await page.getByTestId('review-declare-conflict').click();
  const confirm = page.getByTestId('conflict-confirm');
  await expect(confirm).toBeDisabled();
  await page.getByTestId('conflict-reason').fill('   ');
  await expect(confirm).toBeDisabled();
  await page.getByTestId('conflict-reason').fill('曾在该机构兼职授课');
  await saveScreen(page, 'review-conflict-dialog-zh-CN');
  await confirm.click();

  await expect(page.getByText('您已就此任务声明利益冲突，任务将由公示网改派。')).toBeVisible();
  // Until the registry moves the task, the banner's reason is the expert's own declaration.
  await expect(page.getByTestId('review-readonly-reason')).toHaveText('已声明利益冲突：曾在该机构兼职授课');
  await expect(page.getByTestId('draft-status')).toHaveCount(0);
  await expect(page.getByTestId('aspect-A4-score-3')).toBeDisabled();
  await expect(page.getByTestId('aspect-A4')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('review-declare-conflict')).toHaveCount(0);
  await saveScreen(page, 'review-conflict-declared-zh-CN');

  const ops = await rpc<{ ops: SyncOpView[] }>(page, 'sync.ops', {});
  expect(ops.value?.ops.map((op) => [op.kind, op.state])).toEqual([['task.declareConflict', 'pending']]);
  const detail = await rpc<{ conflict: { reason: string } | null }>(page, 'review.getTask', { taskId: 'task-conflict' });
  expect(detail.value?.conflict).toMatchObject({ reason: '曾在该机构兼职授课' });
});

test('a withdrawn task says why in its read-only banner: free text as written, a registry code in words', async ({ page }) => {
  await openTask(page, 'task-withdrawn');
  const banner = page.getByTestId('review-readonly');
  await expect(banner).toHaveAttribute('data-reason', 'withdrawn');
  await expect(page.getByTestId('review-readonly-reason')).toHaveText('任务已被撤回：专家病假');
  await expect(banner).toContainText('此任务已被公示网撤回');
  await saveScreen(page, 'review-withdrawn-reason-zh-CN');
  await openTask(page, 'task-returned');
  await expect(page.getByTestId('review-readonly-reason')).toHaveText('任务已被撤回：提交材料已被退回');

  expect((await rpc(page, 'settings.update', { language: 'en-US' })).ok).toBe(true);
  try {
    await page.reload();
    await expect(page.getByTestId('review-readonly-reason')).toHaveText('Task withdrawn: the submission was returned');
    await openTask(page, 'task-withdrawn');
    await expect(page.getByTestId('review-readonly-reason')).toHaveText('Task withdrawn: 专家病假');
    await saveScreen(page, 'review-withdrawn-reason-en-US');
  } finally {
    await rpc(page, 'settings.update', { language: 'zh-CN' });
  }
});
