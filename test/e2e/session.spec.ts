import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from '../integration/sync/support/registry';
import { saveScreen } from './support/screens';
import { collectPageErrors } from './support/shell-page';
import { startWebHost, type WebHost } from './support/web-host';

/**
 * Issue 4 item 1: sign-in through the UI against a real registry process — a wrong password first, then the right
 * one, the role-aware menu, sign-out; with the registry stopped, the same password unlocks offline; the user menu's
 * "forget" clears the sign-in tokens; the sign-in screen in English. One host and one registry, tests in order.
 */
test.describe.configure({ mode: 'serial' });

let registry: LiveRegistry;
let host: WebHost;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  registry = await startRegistry();
  await registry.createAccount('expert01', ['expert']);
  await registry.createAccount('expert02', ['expert']);
  await registry.createAccount('chair01', ['committee', 'expert']);
  dataDir = mkdtempSync(join(tmpdir(), 'osea-session-e2e-'));
  host = await startWebHost({ registry: registry.url, dataDir });
});

test.afterAll(async () => {
  await host?.stop();
  await registry?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openSignIn(page: Page): Promise<string[]> {
  const errors = collectPageErrors(page);
  await page.goto(host.url);
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
  return errors;
}

async function signInWith(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
}

test('signed out, the workstation opens on the sign-in card with the registry address (zh-CN)', async ({ page }) => {
  const errors = await openSignIn(page);
  await expect(page.getByTestId('product-name')).toHaveText('OSEA 审核工作站');
  await expect(page.getByTestId('sign-in-registry')).toHaveText(registry.url);
  await expect(page.getByTestId('side-nav')).toHaveCount(0);
  // Nobody has signed in on this machine yet: no local accounts to pick.
  await expect(page.getByTestId('sign-in-profiles')).toHaveCount(0);
  await saveScreen(page, 'session-sign-in-zh-CN');

  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByText('请输入用户名。')).toBeVisible();
  await expect(page.getByText('请输入密码。')).toBeVisible();
  await saveScreen(page, 'session-sign-in-required-zh-CN');
  expect(errors).toEqual([]);
});

test('a wrong password is refused in words; the right one opens the expert’s workspace only', async ({ page }) => {
  const errors = await openSignIn(page);
  await signInWith(page, 'expert01', 'not-the-password');
  await expect(page.getByTestId('sign-in-error')).toContainText('用户名或密码不正确');
  await expect(page.getByTestId('sign-in-password')).toHaveValue('');
  await expect(page.getByTestId('sign-in-password')).toBeFocused();
  await saveScreen(page, 'session-sign-in-wrong-password-zh-CN');

  await page.getByTestId('sign-in-password').fill(EXPERT_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('side-nav')).toBeVisible();
  await expect(page.getByTestId('sign-in-page')).toHaveCount(0);
  // Role-aware: an expert has the review tasks, not the committee's or the institutions' workspaces.
  await expect(page.getByTestId('nav-tasks')).toBeVisible();
  await expect(page.getByTestId('nav-applications')).toHaveCount(0);
  await expect(page.getByTestId('nav-batches')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/tasks$/);
  await expect(page.getByTestId('user-menu')).toContainText('expert01 专家');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'true', { timeout: 30_000 });

  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('user-menu-roles')).toHaveText('认证专家');
  await expect(page.getByTestId('sign-out-forget')).toBeVisible();
  await saveScreen(page, 'session-user-menu-zh-CN');
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
  await expect(page.getByTestId('side-nav')).toHaveCount(0);
  // The account is now on this machine: it can be picked, and it could unlock offline.
  await expect(page.getByTestId('sign-in-profile')).toHaveAttribute('data-username', 'expert01');
  await saveScreen(page, 'session-signed-out-profiles-zh-CN');
  expect(errors).toEqual([]);
});

test('another user signs in on the same machine and gets their own roles’ menu', async ({ page }) => {
  await openSignIn(page);
  await signInWith(page, 'chair01', EXPERT_PASSWORD);
  await expect(page.getByTestId('nav-applications')).toBeVisible();
  await expect(page.getByTestId('nav-tasks')).toBeVisible();
  await expect(page.getByTestId('nav-batches')).toHaveCount(0);
  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('user-menu-roles')).toContainText('评审专家委员会委员');
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
  await expect(page.getByTestId('sign-in-profile')).toHaveCount(2);
});

test('too many failed sign-ins: the registry’s rate limit is shown in words', async ({ page }) => {
  await openSignIn(page);
  // The registry locks a name after 5 failures a minute (per client address: the host's, loopback as ours).
  for (let i = 0; i < 5; i += 1) {
    const response = await fetch(new URL('/v1/auth/sign-in', registry.url), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'expert02', password: `wrong-${i}` }),
    });
    expect(response.status).toBe(401);
  }
  await signInWith(page, 'expert02', EXPERT_PASSWORD);
  await expect(page.getByTestId('sign-in-error')).toContainText('登录尝试过于频繁');
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
});

test('with the registry stopped, the same password unlocks offline and says so', async ({ page }) => {
  await registry.kill();
  await openSignIn(page);

  // An account that never signed in here cannot be unlocked.
  await signInWith(page, 'expert02', EXPERT_PASSWORD);
  await expect(page.getByTestId('sign-in-error')).toContainText('本机没有该用户的登录记录');

  // Picking the local account fills the name and puts the cursor in the password field.
  await page.locator('[data-testid="sign-in-profile"][data-username="expert01"]').click();
  await expect(page.getByTestId('sign-in-username')).toHaveValue('expert01');
  await expect(page.getByTestId('sign-in-password')).toBeFocused();
  await page.getByTestId('sign-in-password').fill('not-the-password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('离线解锁未成功');
  await saveScreen(page, 'session-offline-wrong-password-zh-CN');

  await page.getByTestId('sign-in-password').fill(EXPERT_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('side-nav')).toBeVisible();
  await expect(page.getByText('已离线解锁，当前离线工作')).toBeVisible();
  await expect(page.getByTestId('page-tasks')).toBeVisible();
  await expect(page.getByTestId('nav-applications')).toHaveCount(0);
  await expect(page.getByTestId('user-menu')).toContainText('expert01 专家');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'false');
  await saveScreen(page, 'session-offline-unlocked-zh-CN');

  // A reload keeps the session (it lives in the back end, not the page).
  await page.reload();
  await expect(page.getByTestId('side-nav')).toBeVisible();
});

test('"sign out and forget" asks first, then deletes this machine’s sign-in tokens; the offline unlock stays', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out-forget').click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('退出并清除本机登录凭据？');
  await saveScreen(page, 'session-forget-confirm-zh-CN');
  await page.getByTestId('sign-out-forget-confirm').click();
  await expect(page.getByTestId('sign-in-page')).toBeVisible();

  const db = new DatabaseConstructor(join(dataDir, 'workstation.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT access_token, refresh_token FROM profiles WHERE username = ?').get('expert01') as Record<string, unknown>;
    expect(row).toEqual({ access_token: null, refresh_token: null });
  } finally {
    db.close();
  }
  await signInWith(page, 'expert01', EXPERT_PASSWORD);
  await expect(page.getByTestId('side-nav')).toBeVisible();
  await signOut(page);
});

test('the sign-in screen in English: language switch, texts and errors', async ({ page }) => {
  await openSignIn(page);
  await page.getByTestId('sign-in-language').click();
  await page.locator('.ant-select-item-option', { hasText: 'English' }).click();
  await expect(page.getByTestId('product-name')).toHaveText('OSEA Review Workstation');
  await expect(page.getByTestId('sign-in-submit')).toHaveText('Sign in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await saveScreen(page, 'session-sign-in-en-US');

  await page.reload();
  await expect(page.getByTestId('sign-in-submit')).toHaveText('Sign in');
  await page.locator('[data-testid="sign-in-profile"][data-username="expert01"]').click();
  await page.getByTestId('sign-in-password').fill('not-the-password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toContainText('offline unlock failed');
  await saveScreen(page, 'session-offline-wrong-password-en-US');

  await page.getByTestId('sign-in-settings').click();
  await expect(page.getByTestId('settings-registry-url')).toHaveValue(registry.url);
  await saveScreen(page, 'session-signed-out-settings-en-US');
  await page.getByTestId('sign-in-back').click();
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
});
