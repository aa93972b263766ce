import type { RegistryDb } from './connection.js';

/** Runs `work` in one transaction; the body sees a RegistryDb so repository functions work inside and outside. */
export function inTransaction<T>(db: RegistryDb, work: (trx: RegistryDb) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(trx));
}
