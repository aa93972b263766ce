import type { RegistryDb } from './connection.js';
import { lockWriters } from './connection.js';

/** Who may read a change row (GET /v1/changes). Admins read every row. */
export interface ChangeScope {
  /** Every signed-in account (institutions, schemes). */
  all?: boolean;
  institutionId?: string | null;
  accountId?: string | null;
}

export type ChangeEntity = 'institution' | 'practitioner' | 'certificate' | 'scheme' | 'submission' | 'task' | 'expert' | 'decision';

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
  await lockWriters(trx);
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
