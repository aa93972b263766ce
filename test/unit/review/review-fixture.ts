import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { SessionManager } from '../../../electron/services/auth/session-manager';
import { createKeyedSecretStorage } from '../../../electron/services/crypto/secret-storage';
import { WorkstationStore } from '../../../electron/services/db/store';
import { ProfileRepository } from '../../../electron/services/profiles/profile-repository';
import { createReviewService, type ReviewChannel } from '../../../electron/services/review/review-service';
import { reviewChannels } from '../../../shared/contract/ipc/review-channels';
import { EXAMPLE_SCHEME_INPUT } from '../../../shared/domain/scoring/example-scheme';
import { seedMedia, seedProfile, seedTasks, sha256Hex, type SeedMedia, type SeedProfile, type SeedTask } from './support/review-seed';

export const REGISTRY_URL = 'http://127.0.0.1:9';
export const PASSWORD = 'expert-password-1';

/** A stand-in proxy (random bytes) and a valid frame table naming it: the service never decodes video. */
function writeFakeMedia(dir: string): { proxy: string; frames: string } {
  const proxy = join(dir, 'proxy.mp4');
  const bytes = randomBytes(2048);
  writeFileSync(proxy, bytes);
  const sha = sha256Hex(bytes);
  const frames = join(dir, 'frames.json');
  writeFileSync(frames, JSON.stringify({
    version: 1, timescale: 30, pts: Array.from({ length: 90 }, (_, i) => i), frameCount: 90, width: 320, height: 240,
    rotation: 0, avgFps: 30, sourceSha256: sha, proxySha256: sha,
  }));
  return { proxy, frames };
}

type Input<C extends ReviewChannel> = z.input<(typeof reviewChannels)[C]['input']>;

export interface ReviewFixture {
  dir: string;
  store: WorkstationStore;
  profile: SeedProfile;
  media: SeedMedia;
  /** Calls a review handler with its input parsed by the channel's schema, as the dispatcher does. */
  call<C extends ReviewChannel>(channel: C, input: Input<C>): ReturnType<ReturnType<typeof createReviewService>[C]>;
  addTasks(tasks: SeedTask[], withMedia?: boolean): void;
  /** Closes the store and opens it again with a fresh service and session (a restart). */
  reopen(): Promise<void>;
  remove(): void;
}

export async function openReviewFixture(tasks: SeedTask[] = []): Promise<ReviewFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'osea-review-'));
  const storage = createKeyedSecretStorage(randomBytes(32));
  let store = WorkstationStore.open(dir);
  const profile = await seedProfile(store, storage, { registryUrl: REGISTRY_URL, username: 'expert01', password: PASSWORD });
  const fake = writeFakeMedia(dir);
  const media = seedMedia(store, dir, fake.proxy, fake.frames);

  const start = async () => {
    const session = new SessionManager({ profiles: new ProfileRepository(() => store.db()), storage, registryUrl: () => REGISTRY_URL });
    await session.unlock('expert01', PASSWORD);
    return createReviewService({ db: () => store.db(), session, mediaRoot: join(dir, 'media') });
  };
  let service = await start();
  const fixture: ReviewFixture = {
    dir,
    get store() {
      return store;
    },
    profile,
    media,
    call: ((channel: ReviewChannel, input: unknown) => {
      const parsed = reviewChannels[channel].input.parse(input);
      // The handler takes exactly its own channel's parsed input; the union of handlers cannot express that pairing.
      return (service[channel] as (i: unknown, ctx: { transport: 'ipc' }) => Promise<unknown>)(parsed, { transport: 'ipc' });
    }) as ReviewFixture['call'],
    addTasks: (more, withMedia = true) => seedTasks(store, profile.profileId, EXAMPLE_SCHEME_INPUT, more, withMedia ? media : null),
    reopen: async () => {
      store.close();
      store = WorkstationStore.open(dir);
      service = await start();
    },
    remove: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (tasks.length > 0) fixture.addTasks(tasks);
  return fixture;
}

export const task = (taskId: string, overrides: Partial<SeedTask> = {}): SeedTask => ({
  taskId, expertId: 'account-expert01', dueDate: '2026-12-31', ...overrides,
});
