import { dialog } from 'electron';
import type { WorkstationStore } from '../services/db/store';

/**
 * A corrupt or unreadable store is never reset silently: name the file and let the user move it aside or quit.
 * Returns false when the user chose to quit. (Native dialog before any window exists, so it is in English; the
 * renderer shows the same choice translated from store.status.)
 */
export async function confirmStoreOrQuit(store: WorkstationStore): Promise<boolean> {
  for (;;) {
    const status = store.status();
    if (status.state === 'ok') return true;
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'OSEA Review Workstation',
      message: `The local data file cannot be opened:\n${status.file}`,
      detail: `${status.reason}\n\nMove it aside (it is kept, renamed) and start with an empty store, or quit.`,
      buttons: ['Move aside and start fresh', 'Quit'],
      defaultId: 1,
      cancelId: 1,
    });
    if (response !== 0) return false;
    store.moveAsideAndStartFresh();
  }
}
