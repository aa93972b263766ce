import type { RegistryDb } from './connection.js';

/** Values remembered by withTransactionMemo, by the transaction they were read in. */
const memos = new WeakMap<RegistryDb, Map<string, unknown>>();

/**
 * Runs `work` (inside transaction `trx`) remembering what `memoized` loads, until it ends: a push of 1,000 decisions
 * reads the same marking scheme over 1,300 times. Only for rows nothing in the transaction writes.
 */
export async function withTransactionMemo<T>(trx: RegistryDb, work: () => Promise<T>): Promise<T> {
  if (memos.has(trx)) return work();
  memos.set(trx, new Map());
  try {
    return await work();
  } finally {
    memos.delete(trx);
  }
}

/** `load()`, or what it gave for `key` earlier in the same withTransactionMemo; outside one, always `load()`. */
export async function memoized<T>(db: RegistryDb, key: string, load: () => Promise<T>): Promise<T> {
  const memo = memos.get(db);
  if (!memo) return load();
  if (memo.has(key)) return memo.get(key) as T;
  const value = await load();
  memo.set(key, value);
  return value;
}
