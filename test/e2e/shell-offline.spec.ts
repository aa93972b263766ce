import { expect, test } from '@playwright/test';
import { saveScreen } from './support/screens';
import { startWebHost } from './support/web-host';

/**
 * When the web-mode host goes away under an open page, a call resolves to an OFFLINE result the UI translates;
 * nothing throws out of the bridge (no uncaught page error) and the page stays usable.
 */
test('a save with the host gone says so in the UI instead of throwing', async ({ page }) => {
  const host = await startWebHost();
  const uncaught: string[] = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  try {
    await page.goto(host.url);
    // Signed out: the settings are reached from the sign-in card.
    await page.getByTestId('sign-in-settings').click();
    await expect(page.getByTestId('settings-registry-url')).toBeVisible();
  } finally {
    await host.stop();
  }

  await page.getByTestId('settings-registry-url').fill('https://registry.example.org');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置未保存')).toBeVisible();
  await expect(page.getByText('无法连接到工作站后台')).toBeVisible();
  await expect(page.getByText('设置已保存')).toHaveCount(0);
  await saveScreen(page, 'zh-CN-settings-host-gone');

  await page.getByTestId('sign-in-back').click();
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
  expect(uncaught).toEqual([]);
});
