import type { RegistryContext } from '../context.js';
import { countAdmins, insertAccount } from '../db/accounts-repository.js';
import { hashPassword } from './password.js';

/** A fresh registry has no one who could create accounts; the operator names the first admin at start. */
export async function ensureBootstrapAdmin(context: RegistryContext): Promise<void> {
  const admin = context.config.bootstrapAdmin;
  if (!admin || (await countAdmins(context.db)) > 0) return;
  await insertAccount(
    context.db,
    { username: admin.username, passwordHash: await hashPassword(admin.password), displayName: admin.username, roles: ['admin'], institutionId: null },
    context.now(),
  );
}
