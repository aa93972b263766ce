import type { SyncEngine } from '../../../electron/services/sync/sync-engine';

/** Pushes until the queue is empty, sleeping through backoff waits; gives up (returns false) after `maxSteps`. */
export async function drain(engine: SyncEngine, profileId: string, maxSteps = 100_000): Promise<boolean> {
  for (let step = 0; step < maxSteps; step += 1) {
    const outcome = await engine.push(profileId);
    if (outcome.kind === 'idle') return true;
    if (outcome.kind === 'blocked') throw new Error(`queue blocked: ${outcome.reason}`);
    if (outcome.kind === 'waiting' || outcome.kind === 'offline') {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, outcome.until - Date.now())));
    }
  }
  return false;
}
