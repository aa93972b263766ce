import { describe, expect, it } from 'vitest';
import { connectionState } from '../../../renderer/src/features/sync/connection-state';
import { mergeSyncEvent, type SyncStatusView } from '../../../renderer/src/features/sync/sync-status-merge';
import { fromNow } from '../../../renderer/src/features/sync/time-format';
import { durationPhrase, formatBytes, percentOf } from '../../../renderer/src/features/sync/transfer-format';
import { applyTransferEvent, currentTransfer, EMPTY_BOARD, FINISHED_VISIBLE_MS, withoutStaleFinished } from '../../../renderer/src/features/sync/transfers';

describe('connection state', () => {
  const base = { online: false, lastError: null, blockedReason: null };

  it('is signed out without a profile, whatever the status says', () => {
    expect(connectionState({ ...base, online: true }, false)).toBe('signedOut');
    expect(connectionState(undefined, true)).toBe('signedOut');
  });

  it('follows registryState when the back end sends it', () => {
    expect(connectionState({ ...base, online: true, registryState: 'ok' }, true)).toBe('online');
    expect(connectionState({ ...base, registryState: 'unreachable' }, true)).toBe('offline');
    expect(connectionState({ ...base, registryState: 'badResponse', lastError: 'unreachable:x' }, true)).toBe('badResponse');
    expect(connectionState({ ...base, online: true, registryState: 'refused' }, true)).toBe('paused');
  });

  it('derives it from lastError otherwise', () => {
    expect(connectionState({ ...base, lastError: 'unreachable:ECONNREFUSED' }, true)).toBe('offline');
    expect(connectionState({ ...base, lastError: 'badResponse:200:content type text/html' }, true)).toBe('badResponse');
    expect(connectionState({ ...base, lastError: 'offline:status 502' }, true)).toBe('badResponse');
    expect(connectionState({ ...base, online: true, lastError: 'http:503:UNAVAILABLE' }, true)).toBe('online');
    expect(connectionState({ ...base, online: true }, true)).toBe('online');
    expect(connectionState(base, true)).toBe('offline');
  });

  it('a stopped queue wins over the connection; a missing device key does not stop it', () => {
    expect(connectionState({ ...base, online: true, blockedReason: 'seqAhead' }, true)).toBe('paused');
    expect(connectionState({ ...base, online: true, blockedReason: 'signInRequired' }, true)).toBe('signInRequired');
    expect(connectionState({ ...base, online: true, blockedReason: 'deviceKeyUnregistered' }, true)).toBe('online');
  });
});

describe('status events', () => {
  const read = {
    online: false, running: false, signedIn: true, pending: 3, inflight: 0, rejected: 0, applied: 7,
    lastSuccessAt: null, lastError: 'unreachable:ECONNREFUSED', blockedReason: null, nextAttemptAt: '2026-01-01T00:00:05.000Z',
  } as SyncStatusView;

  it('an event overrides what it carries and keeps the rest', () => {
    const next = mergeSyncEvent(read, { online: true, pending: 0, lastSuccessAt: '2026-01-01T00:00:06.000Z', lastError: null });
    expect(next).toMatchObject({ online: true, pending: 0, applied: 7, signedIn: true, lastError: null, nextAttemptAt: '2026-01-01T00:00:05.000Z' });
  });

  it('an event before the first read starts from quiet defaults', () => {
    expect(mergeSyncEvent(undefined, { online: false, pending: 2, lastSuccessAt: null })).toMatchObject({ pending: 2, rejected: 0, applied: 0, blockedReason: null });
  });
});

describe('transfer figures', () => {
  it('formats bytes and rates in binary units', () => {
    expect(formatBytes(0, 'en-US')).toBe('0 B');
    expect(formatBytes(1536, 'en-US')).toBe('1.5 KB');
    expect(formatBytes(200 * 1024 ** 2, 'en-US')).toBe('200 MB');
    expect(formatBytes(3.25 * 1024 ** 3, 'zh-CN')).toBe('3.3 GB');
  });

  it('never says 100 % before the last byte', () => {
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(250, 1000)).toBe(25);
  });

  it('words the time left in seconds, minutes or hours', () => {
    expect(durationPhrase(null)).toBeNull();
    expect(durationPhrase(Number.POSITIVE_INFINITY)).toBeNull();
    expect(durationPhrase(4.2)).toEqual({ key: 'sync.duration.seconds', values: { s: 5 } });
    expect(durationPhrase(125)).toEqual({ key: 'sync.duration.minutes', values: { m: 2, s: 5 } });
    expect(durationPhrase(3 * 3600 + 7 * 60 + 9)).toEqual({ key: 'sync.duration.hours', values: { h: 3, m: 7 } });
  });

  it('relative times are in the UI language', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(fromNow('2026-03-01T09:57:00Z', 'zh-CN', now)).toBe('3 分钟前');
    expect(fromNow('2026-03-01T09:57:00Z', 'en-US', now)).toBe('3 minutes ago');
  });
});

describe('transfer board', () => {
  it('shows the longest-running transfer, then "done" briefly, and keeps failures until a retry succeeds', () => {
    let board = applyTransferEvent(EMPTY_BOARD, { sha256: 'a', bytes: 10, total: 100, state: 'running' }, 1);
    board = applyTransferEvent(board, { sha256: 'b', bytes: 5, total: 50, state: 'running' }, 2);
    board = applyTransferEvent(board, { sha256: 'a', bytes: 40, total: 100, state: 'running' }, 3);
    expect(currentTransfer(board)).toMatchObject({ sha256: 'a', bytes: 40, startedAt: 1 });

    board = applyTransferEvent(board, { sha256: 'a', bytes: 0, total: 0, state: 'failed' }, 4);
    expect(currentTransfer(board)?.sha256).toBe('b');
    expect(board.failed.map((t) => t.sha256)).toEqual(['a']);

    board = applyTransferEvent(board, { sha256: 'b', bytes: 50, total: 50, state: 'done' }, 5);
    expect(currentTransfer(board)).toBeNull();
    expect(board.finished?.sha256).toBe('b');
    expect(withoutStaleFinished(board, 5 + FINISHED_VISIBLE_MS - 1).finished).not.toBeNull();
    expect(withoutStaleFinished(board, 5 + FINISHED_VISIBLE_MS).finished).toBeNull();

    board = applyTransferEvent(board, { sha256: 'a', bytes: 100, total: 100, state: 'done' }, 6);
    expect(board.failed).toEqual([]);
  });

  it('an event without a state (an older emitter) is done at its last byte', () => {
    const board = applyTransferEvent(EMPTY_BOARD, { sha256: 'c', bytes: 8, total: 8 }, 1);
    expect(board.running).toEqual([]);
    expect(board.finished?.state).toBe('done');
  });
});
