import { createReviewService } from '../../../../electron/services/review/review-service';
import { SyncEngine } from '../../../../electron/services/sync/sync-engine';
import { reviewChannels } from '../../../../shared/contract/ipc/review-channels';
import { openWorkstation } from '../../sync/support/workstation-dir';

const FAST = { baseMs: 5, capMs: 20 };

/** A workstation's back end without a UI: store, session, sync engine and the review handlers (input parsed). */
export function reviewStation(registryUrl: string, dir?: string) {
  const ws = openWorkstation(registryUrl, dir ? { dir } : {});
  const engine = new SyncEngine({ db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens, backoff: FAST });
  const review = createReviewService({ db: () => ws.store.db(), session: ws.session, mediaRoot: `${ws.dir}/media` });
  const call = <C extends keyof typeof reviewChannels>(channel: C, input: unknown) =>
    (review[channel] as (i: unknown, ctx: { transport: 'ipc' }) => ReturnType<(typeof review)[C]>)(reviewChannels[channel].input.parse(input), { transport: 'ipc' });
  return { ws, engine, call };
}
