import type { SaveStatus } from './use-draft-autosave';
import { ValueStore } from './value-store';

/**
 * The autosave status lives outside React state so that "saving…"/"saved" repaints only the status text, not the
 * review screen.
 */
export type SaveStatusStore = ValueStore<SaveStatus>;
