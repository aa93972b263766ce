import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../connection.js';

/**
 * 0003 made the change sequence a PostgreSQL `serial` (32-bit): one row per audience per change runs out of 2^31 on a
 * busy national registry. bigint for the column and its sequence; SQLite's integer primary key is 64-bit already.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table changes alter column seq type bigint`.execute(db);
  await sql`do $$ begin execute format('alter sequence %s as bigint', pg_get_serial_sequence('changes', 'seq')); end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`do $$ begin execute format('alter sequence %s as integer', pg_get_serial_sequence('changes', 'seq')); end $$`.execute(db);
  await sql`alter table changes alter column seq type integer`.execute(db);
}
