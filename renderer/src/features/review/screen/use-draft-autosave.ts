import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveStatusStore } from './save-status-store';
import { ValueStore } from './value-store';
import type { ReviewDraft } from '../../../../../shared/contract/ipc/review-channels';
import { osea } from '../../../app/bridge/osea';
import { unwrap } from '../../../app/query/invoke-error';

export type SaveStatus =
  | { kind: 'idle'; revision: number }
  | { kind: 'saving'; revision: number }
  | { kind: 'saved'; revision: number; savedAt: string }
  | { kind: 'failed'; revision: number; error: unknown };

const POSITION_SAVE_DELAY_MS = 600;
const RETRY_DELAY_MS = 2000;

/**
 * Autosave (issue 5 "drafts"): every change is written whole, in one transaction, as soon as the previous write is
 * acknowledged. While a write is in flight further changes collapse into the newest draft, which is written next —
 * so at most one write waits and a keystroke is never lost once the status says saved. Only the playback position is
 * written lazily: it is not something the expert typed.
 * The draft is published in a store (value-store.ts), not React state, so only the parts of the screen that show
 * what a change touched re-render.
 */
export function useDraftAutosave(taskId: string, initial: ReviewDraft, initialRevision: number, writable: boolean) {
  const [draftStore] = useState(() => new ValueStore<ReviewDraft>(initial));
  const [statusStore] = useState((): SaveStatusStore => new ValueStore<SaveStatus>({ kind: 'idle', revision: initialRevision }));
  const setStatus = useCallback((next: SaveStatus) => statusStore.set(next), [statusStore]);
  const queue = useRef({ current: initial, revision: initialRevision, pending: null as ReviewDraft | null, inflight: null as Promise<void> | null });
  const positionTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  const pump = useCallback((): Promise<void> => {
    const q = queue.current;
    if (q.inflight || !q.pending || !writable) return q.inflight ?? Promise.resolve();
    const toSave = q.pending;
    q.pending = null;
    if (mounted.current) setStatus({ kind: 'saving', revision: q.revision });
    q.inflight = (async () => {
      try {
        const saved = unwrap(await osea.invoke('review.saveDraft', { taskId, baseRevision: q.revision, draft: toSave }));
        q.revision = saved.revision;
        if (mounted.current && !q.pending) setStatus({ kind: 'saved', revision: saved.revision, savedAt: saved.savedAt });
      } catch (error) {
        // Keep the newest unsaved draft and try again: nothing typed is dropped because one write failed.
        q.pending = q.pending ?? toSave;
        if (mounted.current) setStatus({ kind: 'failed', revision: q.revision, error });
        if (retryTimer.current) clearTimeout(retryTimer.current);
        retryTimer.current = setTimeout(() => void pump(), RETRY_DELAY_MS);
        return;
      } finally {
        q.inflight = null;
      }
      if (q.pending) await pump();
    })();
    return q.inflight;
  }, [taskId, writable, setStatus]);

  const update = useCallback((change: (current: ReviewDraft) => ReviewDraft) => {
    const q = queue.current;
    const next = change(q.current);
    if (next === q.current) return;
    q.current = next;
    q.pending = next;
    // The request goes out first: the screen's re-render then overlaps the host's commit instead of delaying it.
    void pump();
    draftStore.set(next);
  }, [pump, draftStore]);

  const updatePosition = useCallback((frame: number) => {
    const q = queue.current;
    if (q.current.positionFrame === frame) return;
    q.current = { ...q.current, positionFrame: frame };
    if (positionTimer.current) clearTimeout(positionTimer.current);
    positionTimer.current = setTimeout(() => {
      q.pending = q.current;
      void pump();
    }, POSITION_SAVE_DELAY_MS);
  }, [pump]);

  /** Resolves once everything entered so far is committed, with the revision that holds it; throws if it cannot be. */
  const flush = useCallback(async (): Promise<number> => {
    const q = queue.current;
    if (positionTimer.current) {
      clearTimeout(positionTimer.current);
      positionTimer.current = null;
      q.pending = q.pending ?? q.current;
    }
    for (let attempt = 0; (q.inflight || q.pending) && attempt < 3; attempt += 1) {
      await (q.inflight ?? pump());
    }
    if (q.inflight || q.pending) throw new Error('draft not saved');
    return q.revision;
  }, [pump]);

  useEffect(() => {
    mounted.current = true;
    const q = queue.current;
    return () => {
      mounted.current = false;
      if (retryTimer.current) clearTimeout(retryTimer.current);
      // Leaving the screen still writes where the expert stopped watching.
      if (positionTimer.current) {
        clearTimeout(positionTimer.current);
        q.pending = q.pending ?? q.current;
        void pump();
      }
    };
  }, [pump]);

  return { draftStore, statusStore, update, updatePosition, flush };
}
