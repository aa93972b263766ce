import type { PractitionerView } from '../../shared/contract/registry/domain.js';
import type { ResidentIdVault } from '../crypto/resident-id-vault.js';
import type { RegistryDb } from './connection.js';
import type { PractitionersTable } from './schema.js';

export function practitionerView(row: PractitionersTable, vault: ResidentIdVault, revealId: boolean): PractitionerView {
  return {
    id: row.id,
    name: row.name,
    institutionId: row.institution_id,
    residentIdMasked: row.resident_id_masked,
    gender: row.gender as 'male' | 'female',
    birthYear: Number(row.birth_date.slice(0, 4)),
    version: row.version,
    ...(revealId ? { residentId: vault.decrypt(row.resident_id_cipher) } : {}),
  };
}

export async function findPractitioner(db: RegistryDb, id: string): Promise<PractitionersTable | undefined> {
  return db.selectFrom('practitioners').selectAll().where('id', '=', id).executeTakeFirst();
}
