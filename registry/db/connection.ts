import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { RegistryDatabase } from './schema.js';
import { withStatementCache } from './statement-cache.js';

export type RegistryDialect = 'sqlite' | 'postgres';
export type RegistryDb = Kysely<RegistryDatabase>;

// COUNT(*) and bigint columns come back from pg as strings; our counts and seqs fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

export interface OpenedDb {
  db: RegistryDb;
  dialect: RegistryDialect;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only the adapter is inspected
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** SQLite in the data dir by default (DESIGN §7 pragmas); PostgreSQL when a database URL is given. */
export function openRegistryDb(options: { dataDir: string; databaseUrl?: string | undefined }): OpenedDb {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    return { db: new Kysely<RegistryDatabase>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = new Database(join(options.dataDir, 'registry.sqlite'));
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  // A 64 MiB page cache keeps the working set (tasks, ops, change feed indexes) in memory under a push burst.
  file.pragma('cache_size = -65536');
  return { db: new Kysely<RegistryDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) }), dialect: 'sqlite' };
}

/**
 * PostgreSQL hands out serial values before commit, so two concurrent writers could commit change seq 8 before 7 and a
 * reader at cursor 8 would skip 7 forever. One transaction-scoped advisory lock around every write that emits changes
 * keeps commit order equal to seq order. SQLite already serialises writers.
 */
export async function lockWriters(trx: Kysely<RegistryDatabase>): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(7001)`.execute(trx);
}
