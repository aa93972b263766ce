import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import { spawnRegistry, type RegistryProcess } from '../integration/registry/support/registry-process';
import { ADMIN_PASSWORD, EXPERT_PASSWORD, startRegistry, type LiveRegistry } from '../integration/sync/support/registry';
import { api, assignedTasks } from '../integration/sync/support/review-world';
import { saveScreen } from './support/screens';
import { collectPageErrors } from './support/shell-page';
import { startWebHost, type WebHost } from './support/web-host';

/**
 * Sync in the UI (issue 4 item 5) against a real registry process and the real web host. An expert signs in and
 * downloads two tasks; the admin withdraws one of them and the registry goes away; the expert declares a conflict of
 * interest on both, offline. The header says offline with 2 pending, the sync queue lists both with the cause in
 * words; the registry comes back, "sync now" settles the queue: one applied, one rejected as withdrawn — in zh-CN and
 * en-US. Sign-in goes through the RPC channel, as in review-flow.spec.ts.
 */
test.describe.configure({ mode: 'serial' });

const USER = 'syncui01';
let registry: LiveRegistry;
let revived: RegistryProcess | null = null;
let host: WebHost;

test.afterAll(async () => {
  await host?.stop();
  if (revived && revived.child.exitCode === null) {
    revived.child.kill('SIGKILL');
    await revived.exited;
  }
  await registry?.stop();
});

async function call<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(async ([name, body]) => {
    const response = await fetch(`/rpc/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  }, [channel, input] as const);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function setLanguage(page: Page, language: 'zh-CN' | 'en-US'): Promise<void> {
  await call(page, 'settings.update', { language });
  await page.reload();
}

test('offline with 2 pending, the queue in words; back online "sync now" settles it: one applied, one rejected as withdrawn', async ({ page }) => {
  test.setTimeout(240_000);
  registry = await startRegistry();
  const expertId = await registry.createAccount(USER);
  const kept = await assignedTasks(registry, [expertId]);
  const doomed = await assignedTasks(registry, [expertId]);
  const keptTask = kept.taskIds.get(expertId)!;
  const doomedTask = doomed.taskIds.get(expertId)!;

  host = await startWebHost({ registry: registry.url });
  const errors = collectPageErrors(page);
  await page.goto(host.url);
  await call(page, 'session.signIn', { username: USER, password: EXPERT_PASSWORD });
  await expect.poll(async () => (await call<{ tasks: unknown[] }>(page, 'review.listTasks', {})).tasks.length, { timeout: 30_000 }).toBe(2);

  // The workstation pulled both tasks; its next pull is a poll interval away. The admin withdraws one of them
  // (the workstation cannot know), then the registry goes away.
  await api(registry, doomed.admin, 'POST', `/v1/tasks/${doomedTask}/withdraw`, { reason: 'duplicate submission' });
  await registry.kill();

  await call(page, 'review.declareConflict', { taskId: keptTask, reason: '曾在该机构兼职授课' });
  await call(page, 'review.declareConflict', { taskId: doomedTask, reason: '与该从业人员为亲属' });
  await page.goto(`${host.origin}/#/tasks`);
  await page.reload();

  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  await expect(status).toHaveAttribute('data-online', 'false');
  await expect(status).toHaveAttribute('data-pending', '2');
  await expect(page.getByTestId('sync-state')).toHaveText('离线');
  await expect(page.getByTestId('sync-pending')).toHaveText('待同步 2');
  await expect(page.getByTestId('sync-rejected')).toHaveCount(0);
  await expect(page.getByTestId('sync-now')).toBeEnabled();

  // Offline is calm: no dialog, and the details say why in words.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByTestId('sync-status-toggle').click();
  const details = page.getByTestId('sync-details');
  await expect(details).toBeVisible();
  await expect(details).toContainText('离线时，您的操作安全保存在本机');
  await expect(page.getByTestId('sync-details-counts')).toContainText('待同步 2');
  await expect(page.getByTestId('sync-details-error')).toHaveText('公示网拒绝连接（服务未运行或地址有误）');
  await saveScreen(page, 'sync-control-offline-zh-CN');

  // From the control to the queue.
  await page.getByTestId('sync-open-queue').click();
  await expect(page).toHaveURL(/#\/sync$/);
  await expect(details).toBeHidden();
  const rows = page.getByTestId('sync-op-row');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute('data-op-state', 'pending');
    await expect(row.getByTestId('sync-op-kind')).toHaveText('声明利益冲突');
    await expect(row.getByTestId('sync-op-state')).toHaveText('待同步');
    await expect(row.getByTestId('sync-op-reason')).toHaveText('公示网拒绝连接（服务未运行或地址有误）');
  }
  await saveScreen(page, 'sync-page-offline-zh-CN');

  // The registry comes back on its address; "sync now" from the header.
  revived = await spawnRegistry(['--data-dir', registry.dataDir, '--port', new URL(registry.url).port, '--log-level', 'warn'], { OSEA_REGISTRY_ADMIN_PASSWORD: ADMIN_PASSWORD });
  await page.getByTestId('sync-now').click();
  await expect(status).toHaveAttribute('data-pending', '0', { timeout: 60_000 });
  await expect(status).toHaveAttribute('data-state', 'online');
  await expect(status).toHaveAttribute('data-rejected', '1');
  await expect(page.getByTestId('sync-now')).toHaveAttribute('data-busy', 'false');
  await expect(page.getByTestId('sync-state')).toHaveText('已连接');
  await expect(page.getByTestId('sync-pending')).toHaveText('待同步 0');
  await expect(page.getByTestId('sync-rejected')).toHaveText('被拒收 1');
  await expect(page.getByTestId('sync-last-success')).toHaveText(/^(几秒前|1 分钟前)同步$/);

  // The queue refreshed by itself: the rejected op stays, with the registry's reason in words.
  await expect(rows).toHaveCount(1);
  const rejected = rows.first();
  await expect(rejected).toHaveAttribute('data-op-state', 'rejected');
  await expect(rejected.getByTestId('sync-op-state')).toHaveText('被拒收');
  await expect(rejected.getByTestId('sync-op-reason')).toHaveText('任务已被撤回');
  await expect(page.getByTestId('sync-rejected-note')).toBeVisible();
  await saveScreen(page, 'sync-page-rejected-zh-CN');

  await page.getByTestId('sync-filter-applied').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-op-state', 'applied');
  await expect(rows.first().getByTestId('sync-op-state')).toHaveText('已同步');

  await page.getByTestId('sync-status-toggle').click();
  await expect(page.getByTestId('sync-details-rejected')).toContainText('有 1 项操作被公示网拒收');
  await saveScreen(page, 'sync-control-online-zh-CN');
  await page.keyboard.press('Escape');

  // The same in English, after a reload (the status is read at once, not only from later events).
  await setLanguage(page, 'en-US');
  await expect(page.getByTestId('sync-page')).toContainText('Sync queue');
  await expect(status).toHaveAttribute('data-rejected', '1');
  await expect(page.getByTestId('sync-state')).toHaveText('Online');
  await expect(page.getByTestId('sync-pending')).toHaveText('0 pending');
  await expect(page.getByTestId('sync-rejected')).toHaveText('1 rejected');
  await expect(page.getByTestId('sync-last-success')).toHaveText(/^Synced (a few seconds|a minute) ago$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('sync-op-kind')).toHaveText('Conflict of interest declared');
  await expect(rows.first().getByTestId('sync-op-state')).toHaveText('Rejected');
  await expect(rows.first().getByTestId('sync-op-reason')).toHaveText('The task was withdrawn');
  await saveScreen(page, 'sync-page-rejected-en-US');
  await page.getByTestId('sync-status-toggle').click();
  await expect(page.getByTestId('sync-details')).toContainText('Sync with the registry');
  await saveScreen(page, 'sync-control-online-en-US');
  await page.keyboard.press('Escape');

  // The side nav reaches the queue too.
  await page.getByTestId('nav-tasks').click();
  await expect(page.getByTestId('sync-page')).toBeHidden();
  await page.getByTestId('nav-sync').click();
  await expect(page).toHaveURL(/#\/sync$/);
  await expect(page.getByTestId('sync-page')).toBeVisible();
  await setLanguage(page, 'zh-CN');
  expect(errors.filter((e) => !/http 4\d\d|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
});

test('the current transfer shows file, percent, bytes, rate and time left; a failed one stays visible', async ({ page }) => {
  // The media cache's events, as it emits them, injected into the host's event stream (the registry of this spec
  // holds no video, so nothing real downloads). Everything else on the socket passes through.
  let events: WebSocketRoute | null = null;
  await page.routeWebSocket(/\/events$/, (socket) => {
    socket.connectToServer();
    events = socket;
  });
  await page.goto(`${host.url}`);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect.poll(() => events !== null).toBe(true);
  const sha = 'a3f1c9e07b52d4410e8c6f2b9d7e5a1c3b4f6e8d0a2c4e6f8a0b2c4d6e8f0a1b';
  const send = (payload: Record<string, unknown>) => events!.send(JSON.stringify({ event: 'transfer.progress', payload }));

  send({ sha256: sha, bytes: 88 * 1024 ** 2, total: 210 * 1024 ** 2, direction: 'download', rate: 6.4 * 1024 ** 2, etaSeconds: 19.2, state: 'running' });
  await expect(page.getByTestId('sync-transfer')).toHaveText('下载 41%');
  await page.getByTestId('sync-status-toggle').click();
  const line = page.getByTestId('sync-transfer-line');
  await expect(line).toHaveAttribute('data-state', 'running');
  await expect(line).toContainText(`文件 ${sha.slice(0, 12)}…`);
  await expect(line).toContainText('88 MB / 210 MB · 6.4 MB/秒 · 剩余 20 秒');
  await saveScreen(page, 'sync-control-transfer-zh-CN');

  send({ sha256: sha, bytes: 0, total: 0, direction: 'download', rate: 0, etaSeconds: null, state: 'failed' });
  await expect(line).toHaveAttribute('data-state', 'failed');
  await expect(line).toContainText('传输失败，下次同步时会自动重试');
  await expect(page.getByTestId('sync-transfer')).toHaveText('下载失败');
  await page.waitForTimeout(6_000); // longer than a finished transfer is shown: a failure does not fade
  await expect(page.getByTestId('sync-transfer')).toHaveText('下载失败');
  await saveScreen(page, 'sync-control-transfer-failed-zh-CN');
});
