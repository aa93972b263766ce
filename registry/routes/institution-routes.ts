import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CreateInstitutionRequest, IdParams, InstitutionList, InstitutionView } from '../../shared/contract/registry/domain.js';
import type { RegistryContext } from '../context.js';
import { recordChange } from '../db/changes-repository.js';
import type { InstitutionsTable } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { conflict, notFound } from '../http/http-error.js';
import { typed } from '../http/route-table.js';

const view = (row: InstitutionsTable): InstitutionView => ({
  id: row.id, name: row.name, uscc: row.uscc, type: row.type as InstitutionView['type'], provinceCode: row.province,
  filingReference: row.filing_ref ?? '', version: row.version,
});

export function registerInstitutionRoutes(app: FastifyInstance, context: RegistryContext): void {
  const { db } = context;

  // The USCC check digit (GB 32100) is part of the zod schema: a bad code is a 400 naming body.uscc.
  typed(app).post('/v1/institutions', {
    config: { access: ['admin'] },
    schema: { body: CreateInstitutionRequest, response: { 201: InstitutionView } },
  }, async (request, reply) => {
    const input = request.body;
    const row: InstitutionsTable = {
      id: randomUUID(), name: input.name, uscc: input.uscc, type: input.type, province: input.provinceCode,
      filing_ref: input.filingReference, created_at: context.now().toISOString(), version: 1,
    };
    await inTransaction(db, async (trx) => {
      const existing = await trx.selectFrom('institutions').select('id').where('uscc', '=', input.uscc).executeTakeFirst();
      if (existing) throw conflict('DUPLICATE', 'an institution with this unified social credit code exists', 'body.uscc');
      await trx.insertInto('institutions').values(row).execute();
      await recordChange(trx, 'institution', row.id, view(row), [{ all: true }], context.now());
    });
    return reply.code(201).send(view(row));
  });

  typed(app).get('/v1/institutions', {
    config: { access: 'authenticated' },
    schema: { response: { 200: InstitutionList } },
  }, async () => ({ institutions: (await db.selectFrom('institutions').selectAll().orderBy('name').execute()).map(view) }));

  typed(app).get('/v1/institutions/:id', {
    config: { access: 'authenticated' },
    schema: { params: IdParams, response: { 200: InstitutionView } },
  }, async (request) => {
    const row = await db.selectFrom('institutions').selectAll().where('id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound('institution');
    return view(row);
  });
}
