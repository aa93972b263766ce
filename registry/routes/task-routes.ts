import type { FastifyInstance } from 'fastify';
import { IdParams, ReassignRequest, ReassignResponse, ReviewTaskList, ReviewTaskView, TaskListQuery, WithdrawRequest } from '../../shared/contract/registry/domain.js';
import type { RegistryContext } from '../context.js';
import { findTask, taskView } from '../db/tasks-repository.js';
import { inTransaction } from '../db/transaction.js';
import { reassignTask, setTaskState } from '../review/assignment.js';
import { publishSubmission } from '../review/publish.js';
import { forbidden, notFound } from '../http/http-error.js';
import { hasRole, requireAuth, typed } from '../http/route-table.js';

export function registerTaskRoutes(app: FastifyInstance, context: RegistryContext): void {
  const { db } = context;

  typed(app).get('/v1/tasks', {
    config: { access: ['expert', 'admin'] },
    schema: { querystring: TaskListQuery, response: { 200: ReviewTaskList } },
  }, async (request) => {
    const auth = requireAuth(request);
    let query = db.selectFrom('review_tasks').selectAll().orderBy('created_at').orderBy('id');
    if (!hasRole(auth, 'admin')) query = query.where('expert_account_id', '=', auth.accountId);
    if (request.query.submissionId) query = query.where('submission_id', '=', request.query.submissionId);
    return { tasks: (await query.execute()).map(taskView) };
  });

  typed(app).get('/v1/tasks/:id', {
    config: { access: ['expert', 'admin'] },
    schema: { params: IdParams, response: { 200: ReviewTaskView } },
  }, async (request) => {
    const auth = requireAuth(request);
    const task = await findTask(db, request.params.id);
    if (!task) throw notFound('task');
    if (!hasRole(auth, 'admin') && task.expert_account_id !== auth.accountId) throw forbidden('not your task');
    return taskView(task);
  });

  typed(app).post('/v1/tasks/:id/withdraw', {
    config: { access: ['admin'] },
    schema: { params: IdParams, body: WithdrawRequest, response: { 200: ReviewTaskView } },
  }, async (request) =>
    inTransaction(db, async (trx) => {
      const task = await findTask(trx, request.params.id);
      if (!task) throw notFound('task');
      const updated = await setTaskState(trx, context, task, 'withdrawn', { reason: request.body.reason });
      const submission = await trx.selectFrom('submissions').selectAll().where('id', '=', task.submission_id).executeTakeFirstOrThrow();
      await publishSubmission(trx, submission, context.now());
      return taskView(updated);
    }),
  );

  typed(app).post('/v1/tasks/:id/reassign', {
    config: { access: ['admin'] },
    schema: { params: IdParams, body: ReassignRequest, response: { 200: ReassignResponse } },
  }, async (request) =>
    inTransaction(db, async (trx) => {
      const task = await findTask(trx, request.params.id);
      if (!task) throw notFound('task');
      const { previous, replacement } = await reassignTask(trx, context, task, request.body.expertId, request.body.reason);
      return { previous: taskView(previous), replacement: taskView(replacement) };
    }),
  );
}
