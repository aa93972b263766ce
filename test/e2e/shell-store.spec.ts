import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { saveScreen } from './support/screens';
import { startWebHost, type WebHost } from './support/web-host';

/**
 * Issue 2, bad input: a corrupt store at start is named with the choices, never reset silently; moving it aside
 * keeps the old bytes and opens a fresh store.
 */
const STORE_FILE = 'workstation.sqlite';
const GARBAGE = 'this is not an SQLite database, it is what a crash mid-copy can leave behind\n'.repeat(64);

let dataDir: string;
let host: WebHost;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'osea-e2e-corrupt-'));
  writeFileSync(join(dataDir, STORE_FILE), GARBAGE);
  host = await startWebHost({ dataDir });
});

test.afterAll(async () => {
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a corrupt store names the file, and "move aside" keeps it and starts fresh', async ({ page }) => {
  await page.goto(host.url);
  const screen = page.getByTestId('store-unavailable');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('store-unavailable-file')).toContainText(join(dataDir, STORE_FILE));
  await expect(page.getByTestId('store-move-aside')).toHaveText(/移到一旁并重新开始/);
  await expect(page.getByTestId('store-quit')).toBeVisible();
  await expect(page.getByTestId('side-nav')).toHaveCount(0);
  // Nothing was touched before the user chose.
  expect(readFileSync(join(dataDir, STORE_FILE), 'utf8')).toBe(GARBAGE);
  await saveScreen(page, 'zh-CN-store-unavailable');

  await page.getByTestId('store-move-aside').click();
  // A fresh store: nobody has signed in on it yet, so the app opens on the sign-in card.
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
  const movedAside = readdirSync(dataDir).filter((name) => name.startsWith(`${STORE_FILE}.corrupt-`) && !/-(wal|shm)$/.test(name));
  expect(movedAside).toHaveLength(1);
  expect(readFileSync(join(dataDir, movedAside[0]!), 'utf8')).toBe(GARBAGE);

  await page.reload();
  await expect(page.getByTestId('sign-in-page')).toBeVisible();
  await expect(page.getByTestId('store-unavailable')).toHaveCount(0);
});

test('with the settings unreadable, the store screen follows the system language', async ({ browser }) => {
  const otherDir = mkdtempSync(join(tmpdir(), 'osea-e2e-corrupt-en-'));
  writeFileSync(join(otherDir, STORE_FILE), GARBAGE);
  const englishHost = await startWebHost({ dataDir: otherDir });
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(englishHost.url);
    await expect(page.getByTestId('store-move-aside')).toHaveText('Move it aside and start fresh');
    await expect(page.getByTestId('store-quit')).toHaveText('Quit');
    await expect(page.getByTestId('store-unavailable-file')).toContainText(join(otherDir, STORE_FILE));
    await saveScreen(page, 'en-US-store-unavailable');
  } finally {
    await context.close();
    await englishHost.stop();
    rmSync(otherDir, { recursive: true, force: true });
  }
});
