import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const screensDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test-results', 'screens');

/** Screenshots are artifacts to look at (issue 2), kept under test-results/screens/<name>.png. */
export async function saveScreen(page: Page, name: string): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  // Let antd's motion (menu ink bar, modal zoom, message fade) settle so the picture shows the resting state.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screensDir, `${name}.png`), fullPage: true });
}
