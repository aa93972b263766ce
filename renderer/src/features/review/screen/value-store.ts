import { useSyncExternalStore } from 'react';

/**
 * A value kept outside React state and read through selectors: a change re-renders only the components whose
 * selected part changed. The review screen holds its draft and save status this way so a scoring keystroke repaints
 * the scored aspect row, the totals and the status text — not the player, the evidence list or the header.
 */
export class ValueStore<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  get = (): T => this.value;

  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const listener of [...this.listeners]) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

/**
 * The part of the store's value `select` picks. `select` must return the same value (Object.is) for an unchanged
 * part — a primitive, or an object already in the store — or the component re-renders on every change.
 */
export function useStoreSelector<T, S>(store: ValueStore<T>, select: (value: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
