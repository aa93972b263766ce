/**
 * The sync worker as its own process, for the kill -9 loop: it keeps writing (domain row + op in one transaction),
 * pushing, pulling and downloading a blob until it is killed. After each commit it prints `ack <opId>` with a
 * synchronous write: an acked op is one the UI would have called "saved".
 */
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { TokenKeeper } from '../../../electron/services/auth/token-keeper';
import { secretStorageFromEnvironment } from '../../../electron/services/crypto/secret-storage';
import { WorkstationStore } from '../../../electron/services/db/store';
import { MediaCache } from '../../../electron/services/media-cache/media-cache';
import { ProfileRepository } from '../../../electron/services/profiles/profile-repository';
import { enqueue } from '../../../electron/services/sync/outbox';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';

const dataDir = process.env.OSEA_DATA_DIR!;
const profileId = process.env.OSEA_PROFILE_ID!;
const blobSha = process.env.OSEA_BLOB_SHA;
const store = WorkstationStore.open(dataDir);
if (store.status().state !== 'ok') {
  writeSync(2, `store unavailable: ${JSON.stringify(store.status())}\n`);
  process.exit(3);
}
const db = store.db();
const { storage } = secretStorageFromEnvironment({ dataDir });
const profiles = new ProfileRepository(() => db);
const tokens = new TokenKeeper(profiles, storage);
const engine = new SyncEngine({ db: () => db, profiles, tokens, backoff: { baseMs: 2, capMs: 10 }, batchSize: 50 });
const registryUrl = profiles.find(profileId)!.registry_url;
const cache = new MediaCache({
  db: () => db, root: join(dataDir, 'media'), registryUrl: () => registryUrl,
  accessToken: async () => {
    const t = await tokens.accessToken(profileId);
    return t.kind === 'token' ? t.token : null;
  },
  backoff: { baseMs: 2, capMs: 10 },
});
engine.queue.resetInflight(profileId);
writeSync(1, 'ready\n');

let round = 0;
for (;;) {
  round += 1;
  const count = 1 + (round % 7);
  const acked = db.transaction(() => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      db.prepare('INSERT INTO kill_notes (text) VALUES (?)').run(`round ${round}`);
      ids.push(enqueue(db, profileId, 'task.declareConflict', { taskId: `k-${process.pid}-${round}-${i}`, reason: 'r' }, null).opId);
    }
    return ids;
  })();
  writeSync(1, acked.map((id) => `ack ${id}\n`).join(''));
  await engine.push(profileId);
  if (round % 3 === 0) await engine.pull(profileId);
  if (blobSha) {
    await cache.ensure(blobSha, { profileId, taskId: 'kill-task' });
    // Drop it again so the next round downloads (and may be killed mid-download) once more.
    cache.markTaskDone(profileId, 'kill-task');
    await cache.evict(0);
    db.prepare('UPDATE media_refs SET done = 0').run();
  }
}
