import type { RegistryDb } from './connection.js';

export interface TransactionScoped<S> {
  /**
   * Runs `work` (inside transaction `trx`) with a fresh store for it, then `settle`s the store while still inside the
   * transaction. A nested call for the same transaction shares the outer store (and leaves settling to the outer).
   */
  within<T>(trx: RegistryDb, work: () => Promise<T>): Promise<T>;
  /** The store of the work running in this transaction, or undefined outside one. */
  of(db: RegistryDb): S | undefined;
}

/** State that lives as long as one piece of work in one transaction: a push's buffers, memos and rows read ahead. */
export function transactionScoped<S>(create: () => S, settle?: (trx: RegistryDb, store: S) => Promise<void>): TransactionScoped<S> {
  const stores = new WeakMap<RegistryDb, S>();
  return {
    async within(trx, work) {
      if (stores.has(trx)) return work();
      const store = create();
      stores.set(trx, store);
      try {
        const result = await work();
        if (settle) await settle(trx, store);
        return result;
      } finally {
        stores.delete(trx);
      }
    },
    of: (db) => stores.get(db),
  };
}
