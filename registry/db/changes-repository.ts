import type { Insertable } from 'kysely';
import type { RegistryDb } from './connection.js';
import { lockWriters } from './connection.js';
import { inChunks } from './in-chunks.js';
import type { ChangesTable } from './schema.js';
import { transactionScoped } from './transaction-scoped.js';

/** Who may read a change row (GET /v1/changes). Admins read every row. */
export interface ChangeScope {
  /** Every signed-in account (institutions, schemes). */
  all?: boolean;
  institutionId?: string | null;
  accountId?: string | null;
}

export type ChangeEntity = 'institution' | 'practitioner' | 'certificate' | 'scheme' | 'submission' | 'task' | 'expert' | 'decision';

/** 7 columns a row: well under the bound parameters a statement may have. */
const CHANGE_ROWS_PER_INSERT = 500;

/** Change rows held back by withBufferedChanges, written when its work ends. */
const buffers = transactionScoped(
  (): Array<Insertable<ChangesTable>> => [],
  async (trx, rows) => {
    if (rows.length === 0) return;
    await lockWriters(trx);
    await inChunks(rows, CHANGE_ROWS_PER_INSERT, (chunk) => trx.insertInto('changes').values(chunk).execute());
  },
);

/**
 * Runs `work` (inside transaction `trx`) with the change rows it records kept in memory and written, in the order they
 * were recorded, by a few multi-row inserts when it ends: a push of 1,000 decisions records over 1,300 rows, one
 * statement each was a large share of applying it. Nothing reads the feed inside a transaction, and the rows still
 * commit or roll back with it, in the same seq order.
 */
export function withBufferedChanges<T>(trx: RegistryDb, work: () => Promise<T>): Promise<T> {
  return buffers.within(trx, work);
}

/**
 * Written in the same transaction as the change it describes, so the feed never shows a change that rolled back nor
 * misses one that committed. One row per audience: a practitioner is visible to its institution and, masked, to each
 * expert who reviews it.
 */
export async function recordChange(
  trx: RegistryDb,
  entity: ChangeEntity,
  entityId: string,
  data: unknown,
  scopes: readonly ChangeScope[],
  now: Date,
): Promise<void> {
  const json = JSON.stringify(data);
  const rows = (scopes.length === 0 ? [{}] : scopes).map((scope) => ({
    entity,
    entity_id: entityId,
    data: json,
    scope_all: scope.all ? 1 : 0,
    scope_institution_id: scope.institutionId ?? null,
    scope_account_id: scope.accountId ?? null,
    created_at: now.toISOString(),
  }));
  const buffer = buffers.of(trx);
  if (buffer) {
    buffer.push(...rows);
    return;
  }
  await lockWriters(trx);
  await trx.insertInto('changes').values(rows).execute();
}

export interface ChangeReader {
  accountId: string;
  institutionId: string | null;
  isAdmin: boolean;
}

export async function readChanges(db: RegistryDb, reader: ChangeReader, cursor: number, limit: number) {
  let query = db.selectFrom('changes').select(['seq', 'entity', 'entity_id', 'data', 'created_at']).where('seq', '>', cursor);
  if (!reader.isAdmin) {
    query = query.where((eb) =>
      eb.or([
        eb('scope_all', '=', 1),
        eb('scope_account_id', '=', reader.accountId),
        ...(reader.institutionId ? [eb('scope_institution_id', '=', reader.institutionId)] : []),
      ]),
    );
  }
  return query.orderBy('seq').limit(limit).execute();
}
