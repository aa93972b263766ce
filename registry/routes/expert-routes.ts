import type { FastifyInstance } from 'fastify';
import { AccountIdParams, ExpertKeyView, ExpertList, ExpertView, RegisterKeyRequest, UpsertExpertRequest } from '../../shared/contract/registry/domain.js';
import type { RegistryContext } from '../context.js';
import { findAccount } from '../db/accounts-repository.js';
import { recordChange } from '../db/changes-repository.js';
import { expertView, listExpertRecords } from '../db/experts-repository.js';
import { inTransaction } from '../db/transaction.js';
import { normaliseEd25519PublicKey } from '../crypto/ed25519.js';
import { HttpError, conflict, notFound, unprocessable } from '../http/http-error.js';
import { requireAuth, typed } from '../http/route-table.js';

export function registerExpertRoutes(app: FastifyInstance, context: RegistryContext): void {
  const { db } = context;

  typed(app).put('/v1/experts/:accountId', {
    config: { access: ['admin'] },
    schema: { params: AccountIdParams, body: UpsertExpertRequest, response: { 200: ExpertView } },
  }, async (request) => {
    const { accountId } = request.params;
    const account = await findAccount(db, accountId);
    if (!account) throw notFound('account');
    if (!account.roles.includes('expert')) throw unprocessable('VALIDATION', 'the account does not hold the expert role', 'params.accountId');
    const input = request.body;
    const view = await inTransaction(db, async (trx) => {
      const existing = await trx.selectFrom('experts').select('version').where('account_id', '=', accountId).executeTakeFirst();
      const values = { status: input.status, specialties: JSON.stringify(input.specialties), affiliations: JSON.stringify([...new Set(input.affiliations)]) };
      if (existing) {
        await trx.updateTable('experts').set({ ...values, version: existing.version + 1 }).where('account_id', '=', accountId).execute();
      } else {
        await trx.insertInto('experts').values({ account_id: accountId, ...values, created_at: context.now().toISOString(), version: 1 }).execute();
      }
      const [record] = await listExpertRecords(trx, accountId);
      const result = await expertView(trx, record!);
      await recordChange(trx, 'expert', accountId, result, [{ accountId }], context.now());
      return result;
    });
    return view;
  });

  typed(app).get('/v1/experts', {
    config: { access: ['admin', 'committee'] },
    schema: { response: { 200: ExpertList } },
  }, async () => ({ experts: await Promise.all((await listExpertRecords(db)).map((record) => expertView(db, record))) }));

  typed(app).get('/v1/experts/me', {
    config: { access: ['expert'] },
    schema: { response: { 200: ExpertView } },
  }, async (request) => {
    const [record] = await listExpertRecords(db, requireAuth(request).accountId);
    if (!record) throw notFound('expert record');
    return expertView(db, record);
  });

  typed(app).post('/v1/experts/me/keys', {
    config: { access: ['expert'] },
    schema: { body: RegisterKeyRequest, response: { 200: ExpertKeyView, 201: ExpertKeyView } },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    const input = request.body;
    const spki = normaliseEd25519PublicKey(input.publicKey);
    if (!spki) throw new HttpError(400, 'INVALID_PUBLIC_KEY', 'not an Ed25519 public key (raw base64url or SPKI base64)', { field: 'body.publicKey' });
    const existing = await db.selectFrom('expert_keys').selectAll().where('key_id', '=', input.keyId).executeTakeFirst();
    if (existing) {
      // Registering the same key again is a retry, not a conflict; a different key under the same id is.
      if (existing.account_id !== auth.accountId || existing.public_key_spki !== spki) throw conflict('DUPLICATE', 'key id already registered', 'body.keyId');
      return reply.code(200).send({ keyId: existing.key_id, deviceId: existing.device_id, publicKeySpki: existing.public_key_spki, createdAt: existing.created_at });
    }
    const row = { key_id: input.keyId, account_id: auth.accountId, device_id: input.deviceId, public_key_spki: spki, created_at: context.now().toISOString() };
    await db.insertInto('expert_keys').values(row).execute();
    return reply.code(201).send({ keyId: row.key_id, deviceId: row.device_id, publicKeySpki: row.public_key_spki, createdAt: row.created_at });
  });
}
