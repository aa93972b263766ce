import type { FastifyInstance } from 'fastify';
import { ChangesQuery, ChangesResponse, PushRequest, PushResponse } from '../../shared/contract/registry/sync.js';
import { RegistryErrorBody } from '../../shared/contract/registry/errors.js';
import type { RegistryContext } from '../context.js';
import { readChanges } from '../db/changes-repository.js';
import { hasRole, requireAuth, typed } from '../http/route-table.js';
import { applyPush } from '../sync/apply-push.js';
import { OPS_BODY_LIMIT_BYTES } from '../sync/ops-body-limit.js';

export function registerSyncRoutes(app: FastifyInstance, context: RegistryContext): void {
  // Pushing is what experts do today; every role may have a device outbox (committee votes come later).
  typed(app).post('/v1/ops', {
    config: { access: ['expert', 'committee', 'coordinator', 'admin'] },
    // 1,000 realistic max-size decisions, not the registry-wide 1 MiB (why and how much: sync/ops-body-limit.ts)
    bodyLimit: OPS_BODY_LIMIT_BYTES,
    schema: { body: PushRequest, response: { 200: PushResponse, 409: RegistryErrorBody, 422: RegistryErrorBody } },
  }, async (request) => applyPush(context, requireAuth(request), request.body));

  typed(app).get('/v1/changes', {
    config: { access: 'authenticated' },
    schema: { querystring: ChangesQuery, response: { 200: ChangesResponse } },
  }, async (request) => {
    const auth = requireAuth(request);
    const { cursor, limit } = request.query;
    // One more than asked tells whether another page follows without a COUNT.
    const rows = await readChanges(context.db, { accountId: auth.accountId, institutionId: auth.institutionId, isAdmin: hasRole(auth, 'admin') }, cursor, limit + 1);
    const page = rows.slice(0, limit);
    return {
      changes: page.map((row) => ({ seq: row.seq, entity: row.entity, entityId: row.entity_id, data: JSON.parse(row.data) as unknown })),
      cursor: page.length > 0 ? page[page.length - 1]!.seq : cursor,
      hasMore: rows.length > limit,
    };
  });
}
