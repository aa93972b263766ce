import { createPublicKey, verify } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { canonicalJson } from '../../shared/domain/canonical-json';
import type { SeedProfile, SeedTask } from '../unit/review/support/review-seed';
import { collectPageErrors } from './support/shell-page';
import { saveScreen } from './support/screens';
import { OFFLINE_REGISTRY, openUnlocked, prepareReviewDataDir, rpc } from './support/review-world';
import { startWebHost, type WebHost } from './support/web-host';

/**
 * The review workspace on the real web-mode host with the registry unreachable (issue 5): task list, keyboard
 * scoring with evidence and a veto, autosave across a restart, a signed decision in the outbox; zh-CN then en-US.
 */
test.describe.configure({ mode: 'serial' });

const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周婷', '吴刚', '徐丽', '孙浩', '马超', '朱琳', '胡军', '郭倩', '何勇', '林峰', '罗敏', '高翔', '梁雪', '宋杰'];

function tasksFor(profile: SeedProfile): { withMedia: SeedTask[]; withoutMedia: SeedTask[] } {
  const due = (i: number) => `2026-${String(11 + Math.floor(i / 12)).padStart(2, '0')}-${String(1 + ((i * 5) % 28)).padStart(2, '0')}`;
  const withMedia: SeedTask[] = NAMES.slice(0, 18).map((name, i): SeedTask => ({
    taskId: `task-${String(i + 1).padStart(3, '0')}`,
    expertId: profile.accountId,
    dueDate: i === 0 ? '2026-12-28' : due(i),
    practitionerName: name,
    residentIdMasked: `3501${String(i).padStart(2, '0')}********${String(100 + i * 7).slice(-3)}${i % 3 === 0 ? 'X' : String(i % 10)}`,
  }));
  withMedia.push({
    taskId: 'task-r2', expertId: profile.accountId, dueDate: '2026-12-20', practitionerName: '郑凯', residentIdMasked: '350102********0031', round: 2,
    submissionResult: { round: 1, outcome: 'discrepancy', discrepancies: [{ aspectId: 'A4', scores: [1, 3, 3], spread: 2 }] },
  });
  const withoutMedia = NAMES.slice(18).map((name, i) => ({
    taskId: `task-nomedia-${i + 1}`, expertId: profile.accountId, dueDate: due(i + 3), practitionerName: name, residentIdMasked: '350103********0042',
  }));
  return { withMedia, withoutMedia };
}

let host: WebHost;
let dataDir: string;
let profile: SeedProfile;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ({ dataDir, profile } = await prepareReviewDataDir(tasksFor));
  host = await startWebHost({ registry: OFFLINE_REGISTRY, dataDir });
});

test.afterAll(async () => {
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openTasks(page: Page): Promise<string[]> {
  const errors = collectPageErrors(page);
  await openUnlocked(page, host);
  await expect(page.getByTestId('task-table')).toBeVisible();
  return errors;
}

async function openTask(page: Page, taskId: string): Promise<void> {
  await page.getByTestId('task-search').locator('input').fill(taskId);
  await page.locator(`[data-testid="task-row"][data-task-id="${taskId}"]`).click();
  await expect(page.getByTestId('page-review')).toHaveAttribute('data-task-id', taskId);
  await expect(page.getByTestId('frame-index')).toHaveText(/^\d+$/, { timeout: 20_000 });
}

/** The whole scoring panel in one picture: a tall viewport lets its column show everything without scrolling. */
async function screenScoringPanel(page: Page, language: string): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2600 });
  await page.locator('.osea-review__right').evaluate((element) => element.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.getByTestId('scoring-panel').screenshot({ path: `test-results/screens/review-scoring-panel-${language}.png` });
  await page.setViewportSize(size);
}

async function waitSaved(page: Page): Promise<number> {
  const status = page.getByTestId('draft-status');
  await expect(status).toHaveAttribute('data-state', 'saved');
  return Number(await status.getAttribute('data-revision'));
}

test('lists the expert’s tasks offline: search, filter, sort, overdue highlighted (zh-CN)', async ({ page }) => {
  const errors = await openTasks(page);
  const count = page.getByTestId('task-count');
  await expect(count).toHaveAttribute('data-total', '23');
  await expect(page.locator('[data-overdue="true"]').first()).toBeVisible();
  await saveScreen(page, 'review-task-list-zh-CN');

  await page.getByTestId('task-search').locator('input').fill('王芳');
  await expect(count).toHaveAttribute('data-shown', '1');
  await page.getByTestId('task-search').locator('input').fill('');
  await page.getByTestId('task-filter-media').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '无视频' }).click();
  await expect(count).toHaveAttribute('data-shown', '4');
  await page.getByTestId('task-filter-media').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '视频: 全部' }).click();

  // Sorted by due date ascending by default; a click reverses it.
  const firstDue = async () => page.locator('[data-testid="task-row"]').first().getAttribute('data-task-id');
  const ascending = await firstDue();
  await page.getByTestId('task-sort-dueDate').click();
  await page.getByTestId('task-sort-dueDate').click();
  expect(await firstDue()).not.toBe(ascending);
  expect(errors).toEqual([]);
});

test('scores a task with the keyboard, evidence by frame and a veto; autosaves every change', async ({ page }) => {
  const errors = await openTasks(page);
  await openTask(page, 'task-001');
  const frame = page.getByTestId('frame-index');
  await expect(frame).toHaveText('0');

  // Judgement aspects in order A4, A5, A6: 0–3 scores the focused one and moves on.
  await expect(page.getByTestId('aspect-A4')).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('2');
  await expect(page.getByTestId('aspect-A4')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('aspect-A5')).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('3');
  await page.keyboard.press('3');
  await expect(page.getByTestId('aspect-A6')).toHaveAttribute('data-value', '3');
  await page.getByTestId('aspect-A5-rationale').fill('动作规范到位');
  await page.getByTestId('aspect-A6-rationale').fill('清理彻底并自检');

  // Measured aspects by their rule.
  await page.getByTestId('aspect-A1-passfail').getByText('合格', { exact: true }).click();
  await page.getByTestId('aspect-A2-occurrences').locator('input').fill('1');
  await page.getByTestId('aspect-A3-measured').locator('input').fill('50.8');
  await page.getByTestId('aspect-A3-measured').locator('input').blur();

  // Evidence: in at frame 10, out at frame 30 (player keys), added and attached to the veto V1.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+ArrowRight');
  await expect(frame).toHaveText('10');
  await page.keyboard.press('KeyI');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(frame).toHaveText('30');
  await page.keyboard.press('KeyO');
  await page.getByTestId('evidence-add').click();
  const clip = page.getByTestId('evidence-clip').first();
  await expect(clip).toHaveAttribute('data-from', '10');
  await expect(clip).toHaveAttribute('data-to', '30');
  await clip.getByTestId('evidence-note').fill('测量前改写了读数');
  await clip.getByTestId('evidence-attach').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '否决项 V1' }).click();
  await page.getByTestId('veto-V1-hit').click();
  await page.getByTestId('veto-V1-rationale').fill('测量读数被遮挡后改写');
  await expect(page.getByTestId('veto-V1-needs-evidence')).toHaveCount(0);

  // Replay shows exactly the clip's range: from outside it (frame 50), the first frame shown is 10, playback stays
  // in 10..30 and stops on 30. Every change of the counter is logged while it plays.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(frame).toHaveText('50');
  await expect(frame).toHaveAttribute('data-phase', 'settled');
  await frame.evaluate((element) => {
    const log: Array<{ phase: string; text: string }> = [];
    (window as unknown as { replayLog: typeof log }).replayLog = log;
    new MutationObserver(() => log.push({ phase: element.dataset.phase ?? '', text: element.textContent ?? '' }))
      .observe(element, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['data-phase'] });
  });
  await clip.getByTestId('evidence-replay').click();
  const replayLog = () => page.evaluate(() => (window as unknown as { replayLog: Array<{ phase: string; text: string }> }).replayLog);
  await expect.poll(async () => {
    const log = await replayLog();
    const last = log.at(-1);
    return log.some((entry) => entry.phase === 'playing') && last?.phase === 'settled' ? last.text : 'not stopped yet';
  }, { timeout: 10_000 }).toBe('30');
  const shownFrames = (await replayLog()).map((entry) => entry.text).filter((text) => text !== '' && text !== '50').map(Number);
  expect(shownFrames[0], 'first frame shown by the replay').toBe(10);
  expect(Math.min(...shownFrames)).toBeGreaterThanOrEqual(10);
  // The stop is timed from the browser's expected display times; on a loaded machine the frame after the clip's
  // last can flash once before the pause lands (the counter then says so truthfully), never more.
  expect(Math.max(...shownFrames)).toBeLessThanOrEqual(31);
  expect(shownFrames.length, 'frames counted while the clip played').toBeGreaterThan(5);
  await page.waitForTimeout(500);
  await expect(frame).toHaveText('30');

  // Hand-computed: 10 + 8 + (12 → 0 by V1) + 20 + 20 + 10 = 68, pass.
  await expect(page.getByTestId('score-summary')).toHaveAttribute('data-total', '68');
  await expect(page.getByTestId('score-summary')).toHaveAttribute('data-pass', 'true');
  const revision = await waitSaved(page);
  expect(revision).toBeGreaterThan(8);
  await saveScreen(page, 'review-screen-zh-CN');
  await screenScoringPanel(page, 'zh-CN');
  await page.locator('.osea-review__left').screenshot({ path: 'test-results/screens/review-player-marks-zh-CN.png' });
  expect(errors).toEqual([]);
});

test('after a restart the draft, marks and position come back; then the decision is signed into the outbox', async ({ page }) => {
  await host.stop();
  host = await startWebHost({ registry: OFFLINE_REGISTRY, dataDir });
  const errors = await openTasks(page);
  const saved = await rpc<{ draft: { positionFrame: number } }>(page, 'review.getTask', { taskId: 'task-001' });
  const position = saved.value!.draft.positionFrame;
  expect(position).toBeGreaterThan(0);
  await openTask(page, 'task-001');
  await expect(page.getByTestId('frame-index')).toHaveText(String(position));
  await expect(page.getByTestId('aspect-A4')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('evidence-clip')).toHaveCount(1);
  await expect(page.getByTestId('score-summary')).toHaveAttribute('data-total', '68');

  await page.getByTestId('review-submit').click();
  await expect(page.getByTestId('submit-issues')).toBeVisible();
  await page.getByTestId('submit-verdict').getByText('合格', { exact: true }).click();
  await expect(page.getByTestId('submit-issues')).toHaveCount(0);
  await saveScreen(page, 'review-submit-dialog-zh-CN');
  await page.getByTestId('submit-sign').click();
  await expect(page.getByTestId('review-decision')).toHaveAttribute('data-op-state', 'pending');
  await expect(page.getByTestId('review-submit')).toHaveCount(0);
  expect(errors).toEqual([]);

  await host.stop();
  const db = new DatabaseConstructor(join(dataDir, 'workstation.sqlite'), { readonly: true });
  try {
    const op = db.prepare("SELECT payload, base_version FROM outbox WHERE kind = 'decision.submit'").get() as { payload: string; base_version: number };
    const payload = JSON.parse(op.payload) as { sheet: { taskId: string; vetoHits: unknown[] }; signature: { signature: string } };
    expect(payload.sheet.taskId).toBe('task-001');
    expect(payload.sheet.vetoHits).toEqual([{ vetoId: 'V1', rationale: '测量读数被遮挡后改写', evidence: [{ fromFrame: 10, toFrame: 30, note: '测量前改写了读数' }] }]);
    const key = createPublicKey({ key: Buffer.from(profile.publicKeySpki, 'base64'), format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(canonicalJson(payload.sheet)), key, Buffer.from(payload.signature.signature, 'base64'))).toBe(true);
  } finally {
    db.close();
  }
  host = await startWebHost({ registry: OFFLINE_REGISTRY, dataDir });
});

test('a discrepancy round shows the spread; the screens in English', async ({ page }) => {
  await openTasks(page);
  await openTask(page, 'task-r2');
  await expect(page.getByTestId('review-discrepancy')).toBeVisible();
  await expect(page.getByTestId('aspect-A4-spread')).toContainText('1、3、3');
  await page.keyboard.press('1');
  await waitSaved(page);

  const switched = await rpc(page, 'settings.update', { language: 'en-US' });
  expect(switched.ok).toBe(true);
  await page.goto(`${host.origin}/#/tasks`);
  await page.reload();
  await expect(page.getByTestId('task-table')).toBeVisible();
  await expect(page.getByTestId('task-count')).toContainText('23 tasks');
  await saveScreen(page, 'review-task-list-en-US');
  await openTask(page, 'task-r2');
  await expect(page.getByTestId('aspect-A4-spread')).toContainText('1, 3, 3');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('frame-index')).toHaveText('10');
  await page.keyboard.press('KeyI');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('frame-index')).toHaveText('30');
  await page.keyboard.press('KeyO');
  await page.getByTestId('evidence-add').click();
  await page.getByTestId('evidence-note').fill('Torch angle drifts here');
  await waitSaved(page);
  await saveScreen(page, 'review-screen-en-US');
  await screenScoringPanel(page, 'en-US');
  await page.locator('.osea-review__left').screenshot({ path: 'test-results/screens/review-player-marks-en-US.png' });

  // The pre-sign dialog: what is still missing, and the clip just added (on A5, which has no score yet) listed as
  // evidence the decision would be signed without.
  await page.getByTestId('review-submit').click();
  await expect(page.getByTestId('submit-dialog-body')).toBeVisible();
  await expect(page.getByTestId('submit-left-out')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('submit-left-out-item')).toHaveAttribute('data-code', 'aspectUnmarked');
  await expect(page.getByTestId('submit-left-out-item')).toContainText('On aspect A5, which has no score yet (1): Frames 10–30');
  await expect(page.getByTestId('submit-issues')).toBeVisible();
  await saveScreen(page, 'review-submit-dialog-en-US');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('submit-dialog-body')).toHaveCount(0);

  await page.getByTestId('review-back').click();
  await openTask(page, 'task-001');
  await expect(page.getByTestId('review-decision')).toBeVisible();
  await saveScreen(page, 'review-submitted-en-US');
  await rpc(page, 'settings.update', { language: 'zh-CN' });
});
