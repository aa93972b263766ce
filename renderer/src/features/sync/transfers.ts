/** One `transfer.progress` event as the UI keeps it (fields added with the media cache are optional). */
export interface TransferEvent {
  sha256: string;
  bytes: number;
  total: number;
  direction?: 'download' | 'upload' | undefined;
  rate?: number | undefined;
  etaSeconds?: number | null | undefined;
  state?: 'running' | 'done' | 'failed' | undefined;
}

export interface Transfer extends TransferEvent {
  startedAt: number;
  updatedAt: number;
}

export interface TransferBoard {
  running: readonly Transfer[];
  /** Failed and not yet retried successfully: stays visible so a failure is never just a flicker. */
  failed: readonly Transfer[];
  /** The last finished one, shown briefly as "done". */
  finished: Transfer | null;
}

export const EMPTY_BOARD: TransferBoard = { running: [], failed: [], finished: null };

const MAX_FAILED = 5;

/** Pure: the board after one event at time `now`. Older emitters send no state: a transfer is done at its last byte. */
export function applyTransferEvent(board: TransferBoard, event: TransferEvent, now: number): TransferBoard {
  const state = event.state ?? (event.total > 0 && event.bytes >= event.total ? 'done' : 'running');
  const previous = board.running.find((t) => t.sha256 === event.sha256);
  const entry: Transfer = { ...event, state, startedAt: previous?.startedAt ?? now, updatedAt: now };
  const others = board.running.filter((t) => t.sha256 !== event.sha256);
  const failedOthers = board.failed.filter((t) => t.sha256 !== event.sha256);
  switch (state) {
    case 'running':
      return { running: [...others, entry], failed: failedOthers, finished: board.finished };
    case 'done':
      return { running: others, failed: failedOthers, finished: entry };
    case 'failed':
      return { running: others, failed: [entry, ...failedOthers].slice(0, MAX_FAILED), finished: board.finished };
  }
}

/** The transfer to name in the header: the longest-running one, so concurrent downloads do not make it flicker. */
export function currentTransfer(board: TransferBoard): Transfer | null {
  return board.running.reduce<Transfer | null>((first, t) => (first === null || t.startedAt < first.startedAt ? t : first), null);
}

/** A finished transfer is shown as done for a few seconds, then the board forgets it. */
export const FINISHED_VISIBLE_MS = 5_000;

export function withoutStaleFinished(board: TransferBoard, now: number): TransferBoard {
  return board.finished && now - board.finished.updatedAt >= FINISHED_VISIBLE_MS ? { ...board, finished: null } : board;
}
