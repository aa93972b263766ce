import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { app, dialog } from 'electron';
import type { WorkstationStore } from '../services/db/store';
import { moveAsideFailedText, storeDialogContent } from '../services/store/store-dialog-text';

/**
 * A corrupt or unreadable store is never reset silently: name the file and let the user move it aside or quit.
 * Returns false when the user chose to quit. The native dialog comes before any window, so its language follows
 * the OS locale (texts and choices: electron/services/store/store-dialog-text.ts, unit-tested).
 */
export async function confirmStoreOrQuit(store: WorkstationStore): Promise<boolean> {
  const locale = app.getLocale();
  let problem: string | null = null;
  for (;;) {
    const status = store.status();
    if (status.state === 'ok') return true;
    const content = storeDialogContent(status, existsSync(status.file), dirname(status.file), locale);
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: content.title,
      message: content.message,
      detail: problem ? `${problem}\n\n${content.detail}` : content.detail,
      buttons: content.buttons,
      defaultId: content.quitIndex,
      cancelId: content.quitIndex,
    });
    problem = null;
    const action = content.actions[response] ?? 'quit';
    if (action === 'quit') return false;
    if (action === 'moveAside') {
      try {
        store.moveAsideAndStartFresh();
      } catch (error) {
        const details = (error as { details?: { reason?: string } }).details;
        problem = moveAsideFailedText(details?.reason ?? (error instanceof Error ? error.message : String(error)), locale);
      }
    }
    // 'retry': store.status() is re-read on the next turn; reopen first so a fixed folder is picked up.
    if (action === 'retry') store.reopen();
  }
}
