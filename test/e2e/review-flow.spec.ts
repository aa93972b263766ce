import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { spawnRegistry, type RegistryProcess } from '../integration/registry/support/registry-process';
import { ADMIN_PASSWORD, EXPERT_PASSWORD, startRegistry, type LiveRegistry } from '../integration/sync/support/registry';
import { api } from '../integration/sync/support/review-world';
import { cacheProxy, submissionForReview } from '../integration/review/support/registry-review-world';
import { reviewStation } from '../integration/review/support/review-station';
import { saveScreen } from './support/screens';
import { shownFrame } from './support/video-pixels';
import { startWebHost, type WebHost } from './support/web-host';

/**
 * Issue 5 "flow e2e": sign in as expert01 against a real registry, download the task, stop the registry, score with
 * the keyboard (a veto with evidence included; the workstation is killed -9 mid-scoring and everything saved comes
 * back), submit, kill -9 and restart the workstation, start the registry, sync —
 * the registry verifies the signature and, with the other two experts' identical decisions, certifies with the result
 * computed by hand (68). Sign-in and the offline unlock go through the sign-in form; a few checks read the back end over
 * its RPC channels.
 */
test.describe.configure({ mode: 'serial' });

let registry: LiveRegistry;
let revived: RegistryProcess | null = null;
let host: WebHost | null = null;
const cleanup: Array<() => void> = [];

test.afterAll(async () => {
  await host?.stop();
  if (revived && revived.child.exitCode === null) {
    revived.child.kill('SIGKILL');
    await revived.exited;
  }
  await registry?.stop();
  for (const step of cleanup) step();
});

async function call<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(async ([name, body]) => {
    const response = await fetch(`/rpc/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  }, [channel, input] as const);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function signInThroughTheForm(page: Page, password: string): Promise<void> {
  await page.getByTestId('sign-in-username').fill('expert01');
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('side-nav')).toBeVisible();
}

/** The registry is down: the sign-in form unlocks the local profile offline. */
async function unlockOffline(page: Page): Promise<void> {
  await page.locator('[data-testid="sign-in-profile"][data-username="expert01"]').click();
  await page.getByTestId('sign-in-password').fill(EXPERT_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('offline-unlocked')).toBeVisible();
}

async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

test('expert01 scores offline with the keyboard; after restart and sync the registry certifies with the hand-computed result', async ({ page }) => {
  test.setTimeout(200_000);
  registry = await startRegistry();
  const ids = new Map<string, string>();
  for (const name of ['expert01', 'expert02', 'expert03']) ids.set(name, await registry.createAccount(name));
  const world = await submissionForReview(registry, [...ids.values()]);
  const { media } = world;
  const taskId = world.taskIds.get(ids.get('expert01')!)!;

  // Online: sign in; the workstation's media cache downloads the proxy and frame table from the registry.
  // Our own data dir: a host started without one deletes its dir on stop, and this one must survive a restart.
  const dataDir = mkdtempSync(join(tmpdir(), 'osea-review-flow-'));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  host = await startWebHost({ registry: registry.url, dataDir });
  await page.goto(host.url);
  await signInThroughTheForm(page, EXPERT_PASSWORD);
  await expect.poll(async () => {
    const { tasks } = await call<{ tasks: { taskId: string; media: { state: string } }[] }>(page, 'review.listTasks', {});
    return tasks.map((task) => [task.taskId, task.media.state]);
  }, { timeout: 60_000 }).toEqual([[taskId, 'ready']]);

  // The registry goes away.
  registry.process.child.kill('SIGKILL');
  await registry.process.exited;

  await page.goto(`${host.origin}/#/tasks`);
  await page.reload();
  const row = page.locator(`[data-testid="task-row"][data-task-id="${taskId}"]`);
  await row.focus();
  await press(page, 'Enter');
  const frame = page.getByTestId('frame-index');
  await expect(frame).toHaveText('0', { timeout: 20_000 });

  // Judgements by key: A4 = 2, A5 = 3, A6 = 3 (focus moves on by itself).
  await press(page, '2', '3', '3');
  await expect(page.getByTestId('aspect-A6')).toHaveAttribute('data-value', '3');
  await page.getByTestId('aspect-A5-rationale').focus();
  await page.keyboard.type('动作规范到位');
  await page.getByTestId('aspect-A6-rationale').focus();
  await page.keyboard.type('清理彻底并自检');
  // Measured aspects: pass (Enter on the radio; Space belongs to the player), one occurrence, 50.8 mm.
  await page.getByTestId('aspect-A1-passfail').locator('input[type="radio"]').first().focus();
  await press(page, 'Enter');
  await expect(page.getByTestId('aspect-A1')).toHaveAttribute('data-value', 'true');
  await page.getByTestId('aspect-A2-occurrences').locator('input').focus();
  await page.keyboard.type('1');
  await page.getByTestId('aspect-A3-measured').locator('input').focus();
  await page.keyboard.type('50.8');
  await press(page, 'Tab');

  // A crash (SIGKILL, no shutdown code) once the screen says saved: every mark and word typed comes back.
  await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');
  await host.crash();
  host = await startWebHost({ registry: registry.url, dataDir });
  await page.goto(host.url);
  await unlockOffline(page);
  await page.goto(`${host.origin}/#/tasks/${taskId}`);
  await expect(frame).toHaveText('0', { timeout: 20_000 });
  for (const [aspect, value] of [['A1', 'true'], ['A2', '1'], ['A3', '50.8'], ['A4', '2'], ['A5', '3'], ['A6', '3']] as const) {
    await expect(page.getByTestId(`aspect-${aspect}`)).toHaveAttribute('data-value', value);
  }
  await expect(page.getByTestId('aspect-A5-rationale')).toHaveValue('动作规范到位');
  await expect(page.getByTestId('aspect-A6-rationale')).toHaveValue('清理彻底并自检');

  // The app's own media path (the cache the workstation downloaded, served with Range by the host): the picture's
  // pixels show the frame the counter names, stepping forward and back.
  await page.getByTestId('aspect-A6-rationale').blur();
  await expect.poll(() => shownFrame(page)).toEqual({ counter: '0', pixels: 0 });
  for (const [key, expected] of [['ArrowRight', 1], ['ArrowRight', 2], ['Shift+ArrowRight', 12], ['ArrowLeft', 11], ['Shift+ArrowLeft', 1], ['ArrowLeft', 0]] as const) {
    await press(page, key);
    await expect.poll(() => shownFrame(page)).toEqual({ counter: String(expected), pixels: expected });
  }

  // Evidence by frame: leave the text field, in at 10, out at 30, add it, attach it to veto V1.
  await page.getByTestId('review-back').focus();
  await page.getByTestId('review-back').evaluate((element) => element.blur());
  await press(page, 'Shift+ArrowRight');
  await expect.poll(() => shownFrame(page)).toEqual({ counter: '10', pixels: 10 });
  await press(page, 'KeyI', 'Shift+ArrowRight', 'Shift+ArrowRight');
  await expect.poll(() => shownFrame(page)).toEqual({ counter: '30', pixels: 30 });
  await press(page, 'KeyO');
  await page.getByTestId('evidence-add').focus();
  await press(page, 'Enter');
  await page.getByTestId('evidence-note').focus();
  await page.keyboard.type('测量前改写了读数');
  await page.getByTestId('evidence-attach').locator('input').focus();
  await page.keyboard.type('V1');
  await press(page, 'Enter');
  await expect(page.getByTestId('evidence-attach')).toContainText('V1');
  await page.getByTestId('veto-V1-hit').focus();
  await press(page, 'Enter');
  await page.getByTestId('veto-V1-rationale').focus();
  await page.keyboard.type('测量读数被遮挡后改写');
  await expect(page.getByTestId('score-summary')).toHaveAttribute('data-total', '68');
  await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');

  // Submit: verdict by keyboard, sign.
  await page.getByTestId('review-submit').focus();
  await press(page, 'Enter');
  await page.getByTestId('submit-verdict').locator('input[type="radio"]').first().focus();
  await press(page, 'Enter');
  await expect(page.getByTestId('submit-issues')).toHaveCount(0);
  await page.getByTestId('submit-sign').focus();
  await press(page, 'Enter');
  await expect(page.getByTestId('review-decision')).toHaveAttribute('data-op-state', 'pending');
  await saveScreen(page, 'review-flow-submitted-offline-zh-CN');

  // Kill -9 and restart the workstation; unlock offline; the decision is still queued.
  await host.crash();
  host = await startWebHost({ registry: registry.url, dataDir });
  await page.goto(host.url);
  await unlockOffline(page);

  // The registry comes back on its address; sync now.
  revived = await spawnRegistry(['--data-dir', registry.dataDir, '--port', new URL(registry.url).port, '--log-level', 'warn'], { OSEA_REGISTRY_ADMIN_PASSWORD: ADMIN_PASSWORD });
  await expect.poll(async () => {
    await call(page, 'sync.now', {});
    return (await call<{ decision: { opState: string } | null }>(page, 'review.getTask', { taskId })).decision?.opState;
  }, { timeout: 60_000 }).toBe('applied');

  // The signature verifies against the device key the registry holds, over the canonical sheet.
  await host.stop();
  const db = new DatabaseConstructor(join(dataDir, 'workstation.sqlite'), { readonly: true });
  let publicKey: string;
  try {
    const op = db.prepare("SELECT payload, result FROM outbox WHERE kind = 'decision.submit'").get() as { payload: string; result: string };
    expect(JSON.parse(op.result)).toMatchObject({ total: 68 });
    publicKey = (db.prepare('SELECT public_key_spki FROM profiles').get() as { public_key_spki: string }).public_key_spki;
    const payload = JSON.parse(op.payload) as { sheet: unknown; signature: { signature: string } };
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(canonicalJson(payload.sheet)), key, Buffer.from(payload.signature.signature, 'base64'))).toBe(true);
  } finally {
    db.close();
  }
  host = null;

  // expert02 and expert03 decide the same marks through their own workstations' back ends.
  for (const name of ['expert02', 'expert03']) {
    const station = reviewStation(revived.url);
    try {
      await station.ws.session.signIn(name, EXPERT_PASSWORD);
      const profile = station.ws.session.requireActive();
      await station.engine.pull(profile.id);
      cacheProxy(station.ws.store, station.ws.dir, media);
      const theirs = world.taskIds.get(ids.get(name)!)!;
      await station.call('review.saveDraft', {
        taskId: theirs, baseRevision: 0, draft: {
          marks: [
            { aspectId: 'A1', value: true, rationale: '' }, { aspectId: 'A2', value: 1, rationale: '' }, { aspectId: 'A3', value: 50.8, rationale: '' },
            { aspectId: 'A4', value: 2, rationale: '' }, { aspectId: 'A5', value: 3, rationale: '规范' }, { aspectId: 'A6', value: 3, rationale: '完整' },
          ],
          vetoHits: [{ vetoId: 'V1', rationale: '读数改写' }],
          clips: [{ id: 'c1', fromFrame: 10, toFrame: 30, note: '', attachTo: { kind: 'veto', id: 'V1' } }],
          verdict: 'pass', comment: '', positionFrame: 0, focusedAspectId: null,
        },
      });
      await station.call('review.submitDecision', { taskId: theirs, draftRevision: 1 });
      expect(await station.engine.push(profile.id)).toEqual({ kind: 'progress' });
    } finally {
      station.ws.remove();
    }
  }
  const admin = await (await fetch(new URL('/v1/auth/sign-in', revived.url), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  })).json() as { accessToken: string };
  const submission = await api<{ state: string; result: { total: number; pass: boolean } }>({ ...registry, url: revived.url }, admin.accessToken, 'GET', `/v1/submissions/${world.submissionId}`);
  expect(submission.state).toBe('certified');
  expect(submission.result).toMatchObject({ total: 68, pass: true });
});
