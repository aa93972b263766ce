import type { FastifyInstance } from 'fastify';
import { AccountList, AccountView, CreateAccountRequest } from '../../shared/contract/registry/auth.js';
import type { RegistryContext } from '../context.js';
import { hashPassword } from '../auth/password.js';
import { findAccountByUsername, insertAccount, listAccounts, type Account } from '../db/accounts-repository.js';
import { conflict, notFound } from '../http/http-error.js';
import { typed } from '../http/route-table.js';

const view = (account: Account) => ({
  id: account.id, username: account.username, displayName: account.displayName, roles: account.roles, institutionId: account.institutionId,
});

export function registerAccountRoutes(app: FastifyInstance, context: RegistryContext): void {
  const { db } = context;

  typed(app).post('/v1/accounts', {
    config: { access: ['admin'] },
    schema: { body: CreateAccountRequest, response: { 201: AccountView } },
  }, async (request, reply) => {
    const input = request.body;
    if (await findAccountByUsername(db, input.username)) throw conflict('DUPLICATE', 'username is taken', 'body.username');
    if (input.institutionId !== null) {
      const institution = await db.selectFrom('institutions').select('id').where('id', '=', input.institutionId).executeTakeFirst();
      if (!institution) throw notFound('institution');
    }
    const account = await insertAccount(db, { ...input, passwordHash: await hashPassword(input.password) }, context.now());
    return reply.code(201).send(view(account));
  });

  typed(app).get('/v1/accounts', {
    config: { access: ['admin'] },
    schema: { response: { 200: AccountList } },
  }, async () => ({ accounts: (await listAccounts(db)).map(view) }));
}
