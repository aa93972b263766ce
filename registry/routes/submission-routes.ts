import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { canTransition, type SubmissionState } from '../../shared/domain/submission/submission-state.js';
import { AssignRequest, CreateSubmissionRequest, IdParams, ReviewTaskList, SubmissionList, SubmissionView, TransitionRequest } from '../../shared/contract/registry/domain.js';
import type { RegistryContext } from '../context.js';
import { findPractitioner } from '../db/practitioners-repository.js';
import type { SubmissionsTable } from '../db/schema.js';
import { findSubmission, submissionView } from '../db/submissions-repository.js';
import { taskView } from '../db/tasks-repository.js';
import { inTransaction } from '../db/transaction.js';
import { assignReviewers, setTaskState } from '../review/assignment.js';
import { publishSubmission } from '../review/publish.js';
import { assertMediaReadyToSubmit, linkSubmissionVideos, videosAtCreation } from '../review/submission-media.js';
import { conflict, forbidden, notFound, unprocessable } from '../http/http-error.js';
import { hasRole, requireAuth, typed, type AuthContext } from '../http/route-table.js';
import { assertInstitutionAccess } from './access.js';
import { loadScheme } from './scheme-routes.js';

/** States only the registry itself sets: assignment starts the review, aggregation ends it. */
const SYSTEM_STATES: ReadonlySet<SubmissionState> = new Set(['in_review', 'certified', 'not_certified']);
/** Returning a submission (e.g. media failed ingest) and issuing the archive are the registry operator's. */
const ADMIN_STATES: ReadonlySet<SubmissionState> = new Set(['returned', 'archive_issued']);

function assertMayMoveTo(auth: AuthContext, to: SubmissionState): void {
  if (SYSTEM_STATES.has(to)) throw conflict('ILLEGAL_TRANSITION', `${to} is set by the registry, not by request`, 'body.to');
  if (ADMIN_STATES.has(to) && !hasRole(auth, 'admin')) throw forbidden(`only an admin may move a submission to ${to}`);
}

export function registerSubmissionRoutes(app: FastifyInstance, context: RegistryContext): void {
  const { db } = context;

  typed(app).post('/v1/submissions', {
    config: { access: ['coordinator', 'admin'] },
    schema: { body: CreateSubmissionRequest, response: { 201: SubmissionView } },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    const input = request.body;
    const practitioner = await findPractitioner(db, input.practitionerId);
    if (!practitioner) throw notFound('practitioner');
    assertInstitutionAccess(auth, practitioner.institution_id);
    const certificate = await db.selectFrom('certificates').selectAll().where('id', '=', input.certificateId).executeTakeFirst();
    if (!certificate || certificate.practitioner_id !== practitioner.id) throw unprocessable('VALIDATION', 'certificate is not this practitioner\'s', 'body.certificateId');
    const scheme = await loadScheme(db, input.schemeId, input.schemeVersion);
    if (!scheme) throw unprocessable('VALIDATION', 'no such marking scheme version', 'body.schemeId');
    if (scheme.scheme.occupationCode !== certificate.occupation_code || scheme.scheme.level !== certificate.level) {
      throw unprocessable('VALIDATION', 'the marking scheme is for another occupation or level than the certificate', 'body.schemeId');
    }
    const nowIso = context.now().toISOString();
    const row = await inTransaction(db, async (trx) => {
      // proxies and frame tables are the registry's: filled from finished ingests, never trusted from the client
      const { videos, rejected } = await videosAtCreation(trx, input.videos);
      const created: SubmissionsTable = {
        id: randomUUID(), institution_id: practitioner.institution_id, practitioner_id: practitioner.id, certificate_id: certificate.id,
        scheme_id: input.schemeId, scheme_version: input.schemeVersion, state: rejected?.state ?? 'draft', training: JSON.stringify(input.training),
        videos: JSON.stringify(videos), round: 1, result: rejected?.result ?? null, version: 1, created_at: nowIso, updated_at: nowIso,
      };
      await trx.insertInto('submissions').values(created).execute();
      await linkSubmissionVideos(trx, created.id, videos);
      await publishSubmission(trx, created, context.now());
      return created;
    });
    return reply.code(201).send(submissionView(row));
  });

  typed(app).get('/v1/submissions', {
    config: { access: ['coordinator', 'admin'] },
    schema: { response: { 200: SubmissionList } },
  }, async (request) => {
    const auth = requireAuth(request);
    let query = db.selectFrom('submissions').selectAll().orderBy('created_at').orderBy('id');
    if (!hasRole(auth, 'admin')) query = query.where('institution_id', '=', auth.institutionId ?? '');
    return { submissions: (await query.execute()).map(submissionView) };
  });

  typed(app).get('/v1/submissions/:id', {
    config: { access: ['coordinator', 'admin'] },
    schema: { params: IdParams, response: { 200: SubmissionView } },
  }, async (request) => {
    const row = await findSubmission(db, request.params.id);
    if (!row) throw notFound('submission');
    assertInstitutionAccess(requireAuth(request), row.institution_id);
    return submissionView(row);
  });

  typed(app).post('/v1/submissions/:id/transitions', {
    config: { access: ['coordinator', 'admin'] },
    schema: { params: IdParams, body: TransitionRequest, response: { 200: SubmissionView } },
  }, async (request) => {
    const auth = requireAuth(request);
    const { to, baseVersion, reason } = request.body;
    assertMayMoveTo(auth, to);
    return inTransaction(db, async (trx) => {
      const row = await findSubmission(trx, request.params.id);
      if (!row) throw notFound('submission');
      assertInstitutionAccess(auth, row.institution_id);
      if (row.version !== baseVersion) throw conflict('CONFLICT', `the submission changed (version ${row.version}); reload it`, 'body.baseVersion');
      if (!canTransition(row.state as SubmissionState, to)) throw conflict('ILLEGAL_TRANSITION', `a ${row.state} submission cannot become ${to}`, 'body.to');
      if (to === 'submitted') await assertMediaReadyToSubmit(trx, row);
      const result = to === 'returned' ? JSON.stringify({ returnReason: reason ?? 'returned' }) : to === 'draft' ? null : row.result;
      const updated: SubmissionsTable = { ...row, state: to, result, version: row.version + 1, updated_at: context.now().toISOString() };
      // Leaving review by hand (returned by the operator) ends the open tasks, so late decisions become rejections.
      if (row.state === 'in_review') {
        const open = await trx.selectFrom('review_tasks').selectAll().where('submission_id', '=', row.id).where('state', 'in', ['assigned', 'in_progress']).execute();
        for (const task of open) await setTaskState(trx, context, task, 'withdrawn', { reason: 'submission.returned' });
      }
      await trx.updateTable('submissions').set({ state: to, result, version: updated.version, updated_at: updated.updated_at }).where('id', '=', row.id).execute();
      await publishSubmission(trx, updated, context.now());
      return submissionView(updated);
    });
  });

  typed(app).post('/v1/submissions/:id/assignments', {
    config: { access: ['admin'] },
    schema: { params: IdParams, body: AssignRequest, response: { 201: ReviewTaskList } },
  }, async (request, reply) => {
    const tasks = await inTransaction(db, async (trx) => {
      const row = await findSubmission(trx, request.params.id);
      if (!row) throw notFound('submission');
      return assignReviewers(trx, context, row, request.body);
    });
    return reply.code(201).send({ tasks: tasks.map(taskView) });
  });
}
