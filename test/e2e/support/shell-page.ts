import type { Page } from '@playwright/test';

/** Console errors and uncaught exceptions of a page: a CSP violation or a crash shows up here. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`http ${response.status()}: ${new URL(response.url()).pathname}`);
  });
  return errors;
}

/** The menu of an account holding every workspace's role. */
export const navIds = ['nav-tasks', 'nav-applications', 'nav-batches', 'nav-sync', 'nav-settings', 'nav-about'] as const;

/** antd Select: open it, then pick the option by its visible label. */
export async function chooseLanguage(page: Page, label: string): Promise<void> {
  await page.getByTestId('settings-language').click();
  await page.locator('.ant-select-item-option', { hasText: label }).click();
}
