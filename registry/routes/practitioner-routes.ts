import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { maskResidentId } from '../../shared/domain/identity/resident-id.js';
import { practitionerFacts } from '../../shared/domain/practitioner/practitioner.js';
import { CreatePractitionerRequest, IdParams, PractitionerList, PractitionerListQuery, PractitionerView } from '../../shared/contract/registry/domain.js';
import type { RegistryContext } from '../context.js';
import { recordChange } from '../db/changes-repository.js';
import { findPractitioner, practitionerView } from '../db/practitioners-repository.js';
import type { PractitionersTable } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { conflict, notFound } from '../http/http-error.js';
import { hasRole, requireAuth, typed } from '../http/route-table.js';
import { assertInstitutionAccess, ownsInstitution } from './access.js';

export function registerPractitionerRoutes(app: FastifyInstance, context: RegistryContext): void {
  const { db, vault } = context;

  typed(app).post('/v1/practitioners', {
    config: { access: ['coordinator', 'admin'] },
    schema: { body: CreatePractitionerRequest, response: { 201: PractitionerView } },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    const input = request.body;
    assertInstitutionAccess(auth, input.institutionId);
    const facts = practitionerFacts(input);
    const row: PractitionersTable = {
      id: randomUUID(),
      institution_id: input.institutionId,
      name: input.name,
      resident_id_cipher: vault.encrypt(input.residentId),
      resident_id_hash: vault.dedupHash(input.residentId),
      resident_id_masked: maskResidentId(input.residentId),
      gender: facts.gender,
      birth_date: facts.birthDate,
      created_at: context.now().toISOString(),
      version: 1,
    };
    await inTransaction(db, async (trx) => {
      const institution = await trx.selectFrom('institutions').select('id').where('id', '=', input.institutionId).executeTakeFirst();
      if (!institution) throw notFound('institution');
      // One person, one record: the keyed hash finds the same ID without decrypting every row.
      const same = await trx.selectFrom('practitioners').select('id').where('resident_id_hash', '=', row.resident_id_hash).executeTakeFirst();
      if (same) throw conflict('DUPLICATE', 'a practitioner with this resident ID is already registered', 'body.residentId');
      await trx.insertInto('practitioners').values(row).execute();
      await recordChange(trx, 'practitioner', row.id, practitionerView(row, vault, false), [{ institutionId: row.institution_id }], context.now());
    });
    return reply.code(201).send(practitionerView(row, vault, ownsInstitution(auth, row.institution_id)));
  });

  typed(app).get('/v1/practitioners', {
    config: { access: ['coordinator', 'admin'] },
    schema: { querystring: PractitionerListQuery, response: { 200: PractitionerList } },
  }, async (request) => {
    const auth = requireAuth(request);
    let query = db.selectFrom('practitioners').selectAll().orderBy('created_at').orderBy('id');
    const institutionId = hasRole(auth, 'admin') ? request.query.institutionId : auth.institutionId;
    if (institutionId) query = query.where('institution_id', '=', institutionId);
    const rows = await query.execute();
    return { practitioners: rows.map((row) => practitionerView(row, vault, ownsInstitution(auth, row.institution_id))) };
  });

  typed(app).get('/v1/practitioners/:id', {
    config: { access: ['coordinator', 'admin'] },
    schema: { params: IdParams, response: { 200: PractitionerView } },
  }, async (request) => {
    const auth = requireAuth(request);
    const row = await findPractitioner(db, request.params.id);
    if (!row) throw notFound('practitioner');
    assertInstitutionAccess(auth, row.institution_id);
    return practitionerView(row, vault, ownsInstitution(auth, row.institution_id));
  });
}
