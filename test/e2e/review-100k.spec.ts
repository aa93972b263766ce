import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { secretStorageFromEnvironment } from '../../electron/services/crypto/secret-storage';
import { WorkstationStore } from '../../electron/services/db/store';
import { EXAMPLE_SCHEME_INPUT } from '../../shared/domain/scoring/example-scheme';
import { seedManyTasks, seedProfile, type SeedTask } from '../unit/review/support/review-seed';
import { saveScreen } from './support/screens';
import { EXPERT, OFFLINE_REGISTRY, openUnlocked } from './support/review-world';
import { startWebHost, type WebHost } from './support/web-host';

/** Issue 5 item 1: the task list with 100,000 tasks stays a list of a few dozen DOM rows (virtualised). */
const COUNT = 100_000;
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '强', '军', '洋', '勇', '艳', '杰'];

let host: WebHost;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dataDir = mkdtempSync(join(tmpdir(), 'osea-review-100k-'));
  const store = WorkstationStore.open(dataDir);
  try {
    const { storage } = secretStorageFromEnvironment({ dataDir });
    const profile = await seedProfile(store, storage, { registryUrl: OFFLINE_REGISTRY, ...EXPERT });
    const tasks: SeedTask[] = Array.from({ length: COUNT }, (_, i) => ({
      taskId: `t${String(i).padStart(6, '0')}`,
      expertId: profile.accountId,
      dueDate: `202${6 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      practitionerName: i === 77_777 ? '欧阳独一' : `${SURNAMES[i % 10]}${GIVEN[i % 12]}${GIVEN[(i >> 4) % 12]}`,
      residentIdMasked: `35${String(i % 10000).padStart(4, '0')}********${String(i % 1000).padStart(3, '0')}${i % 11 === 0 ? 'X' : i % 10}`,
    }));
    seedManyTasks(store, profile.profileId, EXAMPLE_SCHEME_INPUT, tasks, null);
  } finally {
    store.close();
  }
  host = await startWebHost({ registry: OFFLINE_REGISTRY, dataDir });
});

test.afterAll(async () => {
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('100,000 tasks: virtual rows, scroll to the end, search and sort', async ({ page }) => {
  test.setTimeout(180_000);
  await openUnlocked(page, host);
  const count = page.getByTestId('task-count');
  await expect(count).toHaveAttribute('data-total', String(COUNT), { timeout: 120_000 });
  const rows = page.getByTestId('task-row');
  expect(await rows.count()).toBeLessThan(60);

  const body = page.getByTestId('task-table-body');
  await body.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(page.locator(`[data-testid="task-row"][data-index="${COUNT - 1}"]`)).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);
  await saveScreen(page, 'review-task-list-100k-zh-CN');

  await page.getByTestId('task-search').locator('input').fill('欧阳独一');
  await expect(count).toHaveAttribute('data-shown', '1');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-task-id', 't077777');

  await page.getByTestId('task-search').locator('input').fill('');
  await expect(count).toHaveAttribute('data-shown', String(COUNT));
  await page.getByTestId('task-sort-practitioner').click();
  await expect(page.getByTestId('task-sort-practitioner')).toHaveAttribute('aria-sort', 'ascending');
  expect(await rows.count()).toBeLessThan(60);
});
