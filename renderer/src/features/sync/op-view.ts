import type { ChannelOutput } from '../../../../shared/contract/ipc';

export type SyncOp = ChannelOutput<'sync.ops'>['ops'][number];
export type OpState = SyncOp['state'];

/** The page's filter: "open" is everything not yet settled plus what was rejected (the default `sync.ops` query). */
export const opFilters = ['open', 'pending', 'inflight', 'rejected', 'applied'] as const;
export type OpFilter = (typeof opFilters)[number];

export function statesFor(filter: OpFilter): OpState[] {
  return filter === 'open' ? ['pending', 'inflight', 'rejected'] : [filter];
}

/** antd Tag colours: waiting is neutral, sending is in progress, synced is done, rejected needs a look. */
export const opStateColour: Record<OpState, string> = {
  pending: 'default',
  inflight: 'processing',
  applied: 'success',
  rejected: 'warning',
};
