import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { secretStorageFromEnvironment } from '../../../electron/services/crypto/secret-storage';
import { WorkstationStore } from '../../../electron/services/db/store';
import { EXAMPLE_SCHEME_INPUT } from '../../../shared/domain/scoring/example-scheme';
import { seedMedia, seedProfile, seedTasks, type SeedProfile, type SeedTask } from '../../unit/review/support/review-seed';
import { ingestClip } from '../player-harness/player-media';

export const OFFLINE_REGISTRY = 'http://127.0.0.1:9';
export const EXPERT = { username: 'expert01', password: 'expert01-password' };

const RESULTS = resolve('test-results');

/**
 * A workstation data dir as an expert's laptop has it after signing in and downloading: a local profile (offline
 * unlock), tasks in the replica and one ingested frame-strip proxy in the media cache. Written with the real
 * services; the registry is never reachable.
 */
export async function prepareReviewDataDir(tasks: (profile: SeedProfile) => { withMedia: SeedTask[]; withoutMedia?: SeedTask[] }): Promise<{ dataDir: string; profile: SeedProfile }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'osea-review-e2e-'));
  const store = WorkstationStore.open(dataDir);
  try {
    const { storage } = secretStorageFromEnvironment({ dataDir });
    const profile = await seedProfile(store, storage, { registryUrl: OFFLINE_REGISTRY, ...EXPERT, displayName: '专家一' });
    const clip = await ingestClip(join(RESULTS, 'review-media'), join(RESULTS, 'review-frame-strip-cache'), 'cfr30', 4);
    const media = seedMedia(store, dataDir, clip.proxyPath, clip.framesPath);
    const chosen = tasks(profile);
    seedTasks(store, profile.profileId, EXAMPLE_SCHEME_INPUT, chosen.withMedia, media);
    if (chosen.withoutMedia?.length) seedTasks(store, profile.profileId, EXAMPLE_SCHEME_INPUT, chosen.withoutMedia, null);
    return { dataDir, profile };
  } finally {
    store.close();
  }
}

/** A call through the web host's RPC endpoint with the page's session cookie. */
export async function rpc<T = unknown>(page: Page, channel: string, input: unknown): Promise<{ ok: boolean; value?: T; error?: unknown }> {
  return page.evaluate(async ([name, body]) => {
    const response = await fetch(`/rpc/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  }, [channel, input] as const);
}

export async function unlock(page: Page): Promise<void> {
  const result = await rpc(page, 'session.unlock', EXPERT);
  if (!result.ok) throw new Error(`unlock failed: ${JSON.stringify(result.error)}`);
}

/**
 * Opens the host's one-time URL (which sets the session cookie), unlocks the expert's local profile offline and
 * lands on `hash` with the signed-in shell. Before the unlock the app may show its sign-in screen, so nothing of
 * the shell is awaited until after it.
 */
export async function openUnlocked(page: Page, host: { url: string; origin: string }, hash = '#/tasks'): Promise<void> {
  await page.goto(host.url);
  await page.waitForLoadState('domcontentloaded');
  await unlock(page);
  await page.goto(`${host.origin}/${hash}`);
  await page.reload();
  await expect(page.getByTestId('side-nav')).toBeVisible();
}
