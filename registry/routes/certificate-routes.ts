import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CertificateList, CertificateListQuery, CertificateView, CreateCertificateRequest } from '../../shared/contract/registry/domain.js';
import type { RegistryContext } from '../context.js';
import { recordChange } from '../db/changes-repository.js';
import { findPractitioner } from '../db/practitioners-repository.js';
import type { CertificatesTable } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { conflict, notFound } from '../http/http-error.js';
import { requireAuth, typed } from '../http/route-table.js';
import { assertInstitutionAccess } from './access.js';

export const certificateView = (row: CertificatesTable): CertificateView => ({
  id: row.id, practitionerId: row.practitioner_id, number: row.number, kind: row.kind as CertificateView['kind'],
  occupationCode: row.occupation_code, occupationName: row.occupation_name, level: row.level, issuer: row.issuer, issueDate: row.issue_date,
});

export function registerCertificateRoutes(app: FastifyInstance, context: RegistryContext): void {
  const { db } = context;

  typed(app).post('/v1/certificates', {
    config: { access: ['coordinator', 'admin'] },
    schema: { body: CreateCertificateRequest, response: { 201: CertificateView } },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    const input = request.body;
    const practitioner = await findPractitioner(db, input.practitionerId);
    if (!practitioner) throw notFound('practitioner');
    assertInstitutionAccess(auth, practitioner.institution_id);
    const row: CertificatesTable = {
      id: randomUUID(), practitioner_id: input.practitionerId, number: input.number, kind: input.kind,
      occupation_code: input.occupationCode, occupation_name: input.occupationName, level: input.level,
      issuer: input.issuer, issue_date: input.issueDate, created_at: context.now().toISOString(),
    };
    await inTransaction(db, async (trx) => {
      const same = await trx.selectFrom('certificates').select('id').where('issuer', '=', row.issuer).where('number', '=', row.number).executeTakeFirst();
      if (same) throw conflict('DUPLICATE', 'this issuer already issued a certificate with this number', 'body.number');
      await trx.insertInto('certificates').values(row).execute();
      await recordChange(trx, 'certificate', row.id, certificateView(row), [{ institutionId: practitioner.institution_id }], context.now());
    });
    return reply.code(201).send(certificateView(row));
  });

  typed(app).get('/v1/certificates', {
    config: { access: ['coordinator', 'admin'] },
    schema: { querystring: CertificateListQuery, response: { 200: CertificateList } },
  }, async (request) => {
    const practitioner = await findPractitioner(db, request.query.practitionerId);
    if (!practitioner) throw notFound('practitioner');
    assertInstitutionAccess(requireAuth(request), practitioner.institution_id);
    const rows = await db.selectFrom('certificates').selectAll().where('practitioner_id', '=', practitioner.id).orderBy('issue_date').execute();
    return { certificates: rows.map(certificateView) };
  });
}
