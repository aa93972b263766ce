import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaState } from '../../../../../shared/contract/ipc/review-channels';
import { osea } from '../../../app/bridge/osea';
import { unwrap } from '../../../app/query/invoke-error';

export type RedownloadState =
  | { phase: 'idle' }
  | { phase: 'requesting' }
  /** The back end dropped the cached copies and queued them; `media` is the task's state as last read. */
  | { phase: 'queued'; media: MediaState }
  | { phase: 'failed'; error: unknown };

/**
 * "Download again" (issue 5 bad input): asks the back end to drop the task's proxy and frame table and fetch both
 * again, then re-reads the task so the screen shows the media state instead of a player on the old files. The state
 * follows the task's media state as the screen re-reads it (`media`, from the latest task detail).
 */
export function useRedownload(taskId: string, media: MediaState, reload: () => void) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<RedownloadState>({ phase: 'idle' });
  const busy = useRef(false);
  const reloadRef = useRef(reload);
  useEffect(() => {
    reloadRef.current = reload;
  }, [reload]);

  // Once the task has been read again, its media state is the newest word (downloading %, ready, waiting).
  const lastMedia = useRef(media);
  useEffect(() => {
    if (lastMedia.current === media) return;
    lastMedia.current = media;
    setState((current) => (current.phase === 'queued' ? { phase: 'queued', media } : current));
  }, [media]);

  const request = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ phase: 'requesting' });
    try {
      const answer = unwrap(await osea.invoke('review.redownloadMedia', { taskId }));
      setState({ phase: 'queued', media: answer.media });
      void queryClient.invalidateQueries({ queryKey: ['review.listTasks'] });
      reloadRef.current();
    } catch (error) {
      setState({ phase: 'failed', error });
    } finally {
      busy.current = false;
    }
  }, [taskId, queryClient]);

  const onRedownload = useCallback(() => void request(), [request]);
  return { state, onRedownload };
}
