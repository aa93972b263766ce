import { expect, test, type Page } from '@playwright/test';
import { syntheticUscc } from '../integration/registry/support/fixtures';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from '../integration/sync/support/registry';
import { api } from '../integration/sync/support/review-world';
import { saveScreen } from './support/screens';
import { chooseLanguage, collectPageErrors, navIds } from './support/shell-page';
import { startWebHost, type WebHost } from './support/web-host';

/**
 * The foundation's shell against the real web-mode host (issue 2): a fresh data dir and a real registry process with
 * one account that holds every workspace's role, so the whole menu shows once signed in. The session lives in the
 * host, so later tests open straight into the shell. Tests run in order on one host: zh-CN first, then the language
 * switch, then English.
 */
test.describe.configure({ mode: 'serial' });

const USERNAME = 'shell01';
let registry: LiveRegistry;
let host: WebHost;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  registry = await startRegistry();
  // A coordinator works for an institution.
  const institution = await api<{ id: string }>(registry, await registry.adminToken(), 'POST', '/v1/institutions', {
    name: '外壳测试培训学校', uscc: syntheticUscc(), type: 'training_org', provinceCode: '35', filingReference: 'SHELL-1',
  });
  await registry.createAccount(USERNAME, ['expert', 'committee', 'coordinator'], EXPERT_PASSWORD, institution.id);
  host = await startWebHost({ registry: registry.url });
});

test.afterAll(async () => {
  await host?.stop();
  await registry?.stop();
});

async function openShell(page: Page): Promise<string[]> {
  const errors = collectPageErrors(page);
  await page.goto(host.url);
  await expect(page.getByTestId('side-nav')).toBeVisible();
  return errors;
}

async function readSettings(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const response = await fetch('/rpc/settings.get', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return response.json();
  });
}

test('the shell loads in Chinese on the sign-in card; signed in, every workspace of the roles, no console errors', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto(host.url);
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
  await expect(page.getByTestId('product-name')).toHaveText('OSEA 审核工作站');
  await expect(page).toHaveTitle('OSEA 审核工作站');
  await expect(page.getByTestId('sign-in-registry')).toHaveText(registry.url);
  // The secret is traded for the HttpOnly cookie and must not linger in the address bar.
  expect(page.url()).not.toContain(host.token);
  expect(await page.evaluate(() => document.cookie)).toBe('');

  await page.getByTestId('sign-in-username').fill(USERNAME);
  await page.getByTestId('sign-in-password').fill(EXPERT_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('side-nav')).toBeVisible();
  for (const id of navIds) await expect(page.getByTestId(id)).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText(`${USERNAME} 专家`);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('sync-state')).toHaveText('已连接');
  await expect(page.getByTestId('page-tasks')).toBeVisible();
  await saveScreen(page, 'zh-CN-shell-signed-in');
  expect(errors).toEqual([]);
});

test('each navigation entry opens its page (zh-CN)', async ({ page }) => {
  const errors = await openShell(page);
  await visitEveryScreen(page, 'zh-CN', {
    tasks: '本机还没有分配给您的审核任务',
    applications: '专家申请会显示在这里',
    batches: '提交批次会显示在这里',
    sync: '没有待同步或被拒收的操作',
    settings: '公示网地址',
    aboutMode: 'Web 模式',
  });
  expect(errors).toEqual([]);
});

test('a bad registry URL shows a translated error and the saved value stays', async ({ page }) => {
  await openShell(page);
  await page.getByTestId('nav-settings').click();
  const url = page.getByTestId('settings-registry-url');
  await expect(url).toHaveValue(registry.url);
  await url.fill('ftp://registry.example.org');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('公示网地址无效')).toBeVisible();
  await expect(page.getByText('设置已保存')).toHaveCount(0);
  await saveScreen(page, 'zh-CN-settings-invalid-url');

  await page.reload();
  await expect(page.getByTestId('settings-registry-url')).toHaveValue(registry.url);
});

test('the host rejects a bad registry URL itself and keeps the saved value', async ({ page }) => {
  await openShell(page);
  const rejected = await page.evaluate(async () => {
    const response = await fetch('/rpc/settings.update', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ registryUrl: 'javascript:alert(1)' }),
    });
    return response.json();
  });
  expect(rejected).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(JSON.stringify(rejected)).toContain('registryUrl');
  expect(await readSettings(page)).toMatchObject({ ok: true, value: { registryUrl: registry.url } });
});

test('a VALIDATION answer from the back end is shown translated at its field, and the saved value stays', async ({ page }) => {
  await openShell(page);
  await page.getByTestId('nav-settings').click();
  // The form's own check passes; what reaches the host is altered, so the refusal is the back end's (zod, issue path).
  await page.route('**/rpc/settings.update', (route) => route.continue({ postData: JSON.stringify({ registryUrl: 'gopher://example.org', language: 'zh-CN' }) }));
  await page.getByTestId('settings-registry-url').fill('https://registry.example.org');
  await page.getByTestId('settings-save').click();
  await expect(page.locator('.ant-message')).toContainText('设置未保存');
  await expect(page.locator('.ant-message')).not.toContainText('errors.');
  await expect(page.locator('.ant-form-item-explain-error')).toHaveText('公示网地址无效：请输入以 http:// 或 https:// 开头的完整网址。');
  await expect(page.getByText('设置已保存')).toHaveCount(0);
  await page.unroute('**/rpc/settings.update');
  expect(await readSettings(page)).toMatchObject({ ok: true, value: { registryUrl: registry.url } });
});

test('a good registry URL saves and survives a reload', async ({ page }) => {
  await openShell(page);
  await page.getByTestId('nav-settings').click();
  // The video cache's budget sits with it: usage against the limit, a new limit saved with the rest.
  await expect(page.getByTestId('settings-media-usage')).toHaveText('当前已用 0 B，上限 20 GB');
  await page.getByTestId('settings-media-quota').fill('8');
  await page.getByTestId('settings-registry-url').fill('https://registry.example.org');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await expect(page.getByTestId('settings-media-usage')).toHaveText('当前已用 0 B，上限 8 GB');

  await page.reload();
  await expect(page.getByTestId('settings-registry-url')).toHaveValue('https://registry.example.org');
  await expect(page.getByTestId('settings-media-usage')).toHaveText('当前已用 0 B，上限 8 GB');
  expect(await readSettings(page)).toMatchObject({ ok: true, value: { registryUrl: 'https://registry.example.org', mediaQuotaGiB: 8 } });
});

test('the language switch changes the UI to English and survives a reload', async ({ page }) => {
  await openShell(page);
  await page.getByTestId('nav-settings').click();
  await chooseLanguage(page, 'English');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await expect(page.getByTestId('nav-tasks')).toHaveText('Review tasks');
  await expect(page.getByTestId('product-name')).toHaveText('OSEA Review Workstation');

  await page.reload();
  await expect(page.getByTestId('nav-settings')).toHaveText('Settings');
  await expect(page.getByTestId('sync-pending')).toHaveText('0 pending');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  expect(await readSettings(page)).toMatchObject({ ok: true, value: { language: 'en-US' } });
});

test('each navigation entry opens its page (en-US), and errors are in English', async ({ page }) => {
  const errors = await openShell(page);
  await visitEveryScreen(page, 'en-US', {
    tasks: 'No review tasks are assigned to you on this computer yet',
    applications: 'Expert applications awaiting your review',
    batches: "Your institution's submission batches",
    sync: 'Nothing waiting to sync and nothing rejected',
    settings: 'Registry URL',
    aboutMode: 'Web mode',
  });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-registry-url').fill('not a url');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Invalid registry URL')).toBeVisible();
  await saveScreen(page, 'en-US-settings-invalid-url');
  expect(errors).toEqual([]);
});

interface ExpectedTexts {
  tasks: string;
  applications: string;
  batches: string;
  sync: string;
  settings: string;
  aboutMode: string;
}

async function visitEveryScreen(page: Page, language: string, texts: ExpectedTexts): Promise<void> {
  for (const page_ of ['tasks', 'applications', 'batches'] as const) {
    await page.getByTestId(`nav-${page_}`).click();
    await expect(page).toHaveURL(new RegExp(`#/${page_}$`));
    await expect(page.getByTestId(`empty-${page_}`)).toContainText(texts[page_]);
    await saveScreen(page, `${language}-${page_}`);
  }

  await page.getByTestId('nav-sync').click();
  await expect(page).toHaveURL(/#\/sync$/);
  await expect(page.getByTestId('sync-ops-empty')).toContainText(texts.sync);
  await saveScreen(page, `${language}-sync`);

  await page.getByTestId('nav-settings').click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByTestId('page-settings')).toContainText(texts.settings);
  await expect(page.getByTestId('settings-data-dir')).toHaveValue(host.dataDir);
  await expect(page.getByTestId('settings-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await saveScreen(page, `${language}-settings`);

  await page.getByTestId('nav-about').click();
  await expect(page.getByTestId('about-mode')).toHaveText(new RegExp(texts.aboutMode));
  await expect(page.getByTestId('about-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await saveScreen(page, `${language}-about`);
  await page.getByTestId('about-close').click();
  await expect(page.getByTestId('about-mode')).toBeHidden();
}
