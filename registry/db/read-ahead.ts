import type { RegistryDb } from './connection.js';
import { transactionScoped } from './transaction-scoped.js';

/** Rows read ahead for the work running in a transaction, by `table:id`. */
const stores = transactionScoped(() => new Map<string, unknown>());

/**
 * Runs `work` (inside transaction `trx`) with rows that `readAhead` gives it: a push reads the task and submission of
 * each of its 1,000 decisions, a few `in` queries instead of 2,000 single-row ones. Each row is handed out once — the
 * first read of a row in the push is the one that sees it as it was when read ahead — and dropped when written
 * (`forgetReadAhead`), so a later read always goes to the database and sees what the push itself wrote.
 */
export function withReadAhead<T>(trx: RegistryDb, work: () => Promise<T>): Promise<T> {
  return stores.within(trx, work);
}

const keyOf = (table: string, id: string): string => `${table}:${id}`;

export function readAhead<R extends { id: string }>(trx: RegistryDb, table: string, rows: readonly R[]): void {
  const store = stores.of(trx);
  if (store) for (const row of rows) store.set(keyOf(table, row.id), row);
}

/** The row read ahead (and not handed out or written since), or undefined: then read it from the database. */
export function takeReadAhead<R>(db: RegistryDb, table: string, id: string): R | undefined {
  const store = stores.of(db);
  if (!store) return undefined;
  const key = keyOf(table, id);
  const row = store.get(key) as R | undefined;
  store.delete(key);
  return row;
}

/** Every write of a row that may have been read ahead calls this, so no read after it is answered from before it. */
export function forgetReadAhead(db: RegistryDb, table: string, id: string): void {
  stores.of(db)?.delete(keyOf(table, id));
}
