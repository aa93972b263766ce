import type { RegistryDb } from './connection.js';
import { transactionScoped } from './transaction-scoped.js';

const memos = transactionScoped(() => new Map<string, unknown>());

/**
 * Runs `work` (inside transaction `trx`) remembering what `memoized` loads, until it ends: a push of 1,000 decisions
 * reads the same marking scheme over 1,300 times. Only for rows nothing in the transaction writes.
 */
export function withTransactionMemo<T>(trx: RegistryDb, work: () => Promise<T>): Promise<T> {
  return memos.within(trx, work);
}

/** `load()`, or what it gave for `key` earlier in the same withTransactionMemo; outside one, always `load()`. */
export async function memoized<T>(db: RegistryDb, key: string, load: () => Promise<T>): Promise<T> {
  const memo = memos.of(db);
  if (!memo) return load();
  if (memo.has(key)) return memo.get(key) as T;
  const value = await load();
  memo.set(key, value);
  return value;
}
