import { randomUUID } from 'node:crypto';
import { Role } from '../../shared/contract/registry/roles.js';
import type { RegistryDb } from './connection.js';
import type { AccountsTable } from './schema.js';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  institutionId: string | null;
  createdAt: string;
}

export function toAccount(row: AccountsTable): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: Role.array().parse(JSON.parse(row.roles)),
    institutionId: row.institution_id,
    createdAt: row.created_at,
  };
}

export async function insertAccount(
  db: RegistryDb,
  input: { username: string; passwordHash: string; displayName: string; roles: readonly Role[]; institutionId: string | null },
  now: Date,
): Promise<Account> {
  const row: AccountsTable = {
    id: randomUUID(),
    username: input.username,
    password_hash: input.passwordHash,
    display_name: input.displayName,
    roles: JSON.stringify([...new Set(input.roles)].sort()),
    institution_id: input.institutionId,
    created_at: now.toISOString(),
  };
  await db.insertInto('accounts').values(row).execute();
  return toAccount(row);
}

export async function findAccountByUsername(db: RegistryDb, username: string): Promise<AccountsTable | undefined> {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findAccount(db: RegistryDb, id: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

export async function listAccounts(db: RegistryDb): Promise<Account[]> {
  const rows = await db.selectFrom('accounts').selectAll().orderBy('username').execute();
  return rows.map(toAccount);
}

export async function countAdmins(db: RegistryDb): Promise<number> {
  const rows = await db.selectFrom('accounts').select('roles').execute();
  return rows.filter((row) => (JSON.parse(row.roles) as string[]).includes('admin')).length;
}
