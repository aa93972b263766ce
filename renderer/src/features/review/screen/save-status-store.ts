import type { SaveStatus } from './use-draft-autosave';

/**
 * The autosave status lives outside React state so that "saving…"/"saved" repaints only the status text, not the
 * whole review screen: each keystroke then costs one render of the screen, not three.
 */
export class SaveStatusStore {
  private listeners = new Set<() => void>();

  constructor(private status: SaveStatus) {}

  get = (): SaveStatus => this.status;

  set(next: SaveStatus): void {
    this.status = next;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
