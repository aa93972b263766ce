import { ExpertSpecialty, ExpertStatus } from '../../shared/domain/expert/expert.js';
import type { ExpertView } from '../../shared/contract/registry/domain.js';
import type { RegistryDb } from './connection.js';

export interface ExpertRecord {
  accountId: string;
  displayName: string;
  status: ExpertStatus;
  specialties: ExpertSpecialty[];
  affiliations: string[];
  /** The expert's own account's institution (null for most experts): a conflict of interest like an affiliation. */
  institutionId: string | null;
  version: number;
}

export async function listExpertRecords(db: RegistryDb, accountId?: string): Promise<ExpertRecord[]> {
  let query = db.selectFrom('experts').innerJoin('accounts', 'accounts.id', 'experts.account_id')
    .select(['experts.account_id', 'accounts.display_name', 'experts.status', 'experts.specialties', 'experts.affiliations', 'experts.version', 'accounts.institution_id'])
    .orderBy('accounts.username');
  if (accountId !== undefined) query = query.where('experts.account_id', '=', accountId);
  const rows = await query.execute();
  return rows.map((row) => ({
    accountId: row.account_id,
    displayName: row.display_name,
    status: ExpertStatus.parse(row.status),
    specialties: ExpertSpecialty.array().parse(JSON.parse(row.specialties)),
    affiliations: (JSON.parse(row.affiliations) as string[]),
    institutionId: row.institution_id,
    version: row.version,
  }));
}

export async function expertView(db: RegistryDb, record: ExpertRecord): Promise<ExpertView> {
  const keys = await db.selectFrom('expert_keys').select(['key_id', 'device_id']).where('account_id', '=', record.accountId).orderBy('created_at').execute();
  return {
    accountId: record.accountId, displayName: record.displayName, status: record.status, specialties: record.specialties,
    affiliations: record.affiliations, version: record.version, keys: keys.map((key) => ({ keyId: key.key_id, deviceId: key.device_id })),
  };
}
