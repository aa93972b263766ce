import { describe, expect, it } from 'vitest';
import { DIALECTS, registryHarness } from './support/harness';
import { mediaDb } from '../../../registry/media/media-tables';
import { FIXTURE_VIDEO, SCHEME, call, createSubmission, moveSubmission, reviewWorld, syntheticResidentId, syntheticUscc } from './support/fixtures';

describe.each(DIALECTS)('registry domain API on %s', (dialect) => {
  const harness = registryHarness(dialect);

  it('checks the USCC check character and refuses duplicates', async () => {
    const registry = await harness.start();
    const admin = await registry.adminToken();
    const good = syntheticUscc();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const rejected = await call(registry, admin, 'POST', '/v1/institutions', { name: 'x', uscc: bad, type: 'school', provinceCode: '35', filingReference: 'F' });
    expect(rejected).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION', field: 'body.uscc' } } });
    expect((await call(registry, admin, 'POST', '/v1/institutions', { name: 'x', uscc: good, type: 'school', provinceCode: '35', filingReference: 'F' })).status).toBe(201);
    expect((await call(registry, admin, 'POST', '/v1/institutions', { name: 'y', uscc: good, type: 'school', provinceCode: '35', filingReference: 'F' })).status).toBe(409);
  });

  it('stores resident IDs encrypted, dedups them, and shows them in full only to the owning coordinator', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { assign: false });
    const residentId = syntheticResidentId();
    const created = await call<{ id: string; residentId?: string; residentIdMasked: string }>(registry, world.coordinator.token, 'POST', '/v1/practitioners', { institutionId: world.institutionA, name: '王五', residentId });
    expect(created.status).toBe(201);
    expect(created.body.residentId).toBe(residentId);
    expect(created.body.residentIdMasked).toBe(`${residentId.slice(0, 6)}********${residentId.slice(14)}`);

    const asAdmin = await call<{ residentId?: string }>(registry, world.admin, 'GET', `/v1/practitioners/${created.body.id}`);
    expect(asAdmin.body.residentId).toBeUndefined();
    const otherCoordinator = await registry.account(['coordinator'], { institutionId: world.institutionB });
    expect((await call(registry, otherCoordinator.token, 'GET', `/v1/practitioners/${created.body.id}`)).status).toBe(403);

    const row = await registry.app.registry.db.selectFrom('practitioners').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(residentId);
    expect(JSON.stringify(row)).not.toContain(residentId.slice(6, 14));

    const again = await call(registry, world.coordinator.token, 'POST', '/v1/practitioners', { institutionId: world.institutionA, name: '王五', residentId: residentId.toLowerCase() });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'DUPLICATE', field: 'body.residentId' } } });
    const badCheck = residentId.slice(0, 17) + (residentId[17] === '1' ? '2' : '1');
    expect(await call(registry, world.coordinator.token, 'POST', '/v1/practitioners', { institutionId: world.institutionA, name: 'x', residentId: badCheck }))
      .toMatchObject({ status: 400, body: { error: { field: 'body.residentId' } } });
    expect((await call(registry, world.coordinator.token, 'POST', '/v1/practitioners', { institutionId: world.institutionB, name: 'x', residentId: syntheticResidentId() })).status).toBe(403);
  });

  it('checks certificate occupation codes and levels', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { assign: false });
    const base = { practitionerId: world.practitionerId, number: 'N-1', kind: 'skill_level', occupationCode: '6-18-02-04', occupationName: '焊工', level: 3, issuer: 'X', issueDate: '2024-01-01' };
    expect(await call(registry, world.coordinator.token, 'POST', '/v1/certificates', { ...base, occupationCode: '9-18-02-04' })).toMatchObject({ status: 400, body: { error: { field: 'body.occupationCode' } } });
    expect(await call(registry, world.coordinator.token, 'POST', '/v1/certificates', { ...base, level: 6 })).toMatchObject({ status: 400, body: { error: { field: 'body.level' } } });
    expect((await call(registry, world.coordinator.token, 'POST', '/v1/certificates', base)).status).toBe(201);
  });

  it('content-hashes schemes and freezes a version once a task uses it', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { assign: false });
    const changed = { ...SCHEME, title: '焊工（三级）修订' };
    const replaced = await call<{ contentHash: string }>(registry, world.admin, 'PUT', `/v1/schemes/${SCHEME.id}/versions/${SCHEME.version}`, { scheme: changed });
    expect(replaced.status).toBe(200);
    expect(replaced.body.contentHash).not.toBe(world.schemeHash);
    await call(registry, world.admin, 'PUT', `/v1/schemes/${SCHEME.id}/versions/${SCHEME.version}`, { scheme: SCHEME });
    expect((await call(registry, world.admin, 'POST', `/v1/submissions/${world.submissionId}/assignments`, {})).status).toBe(201);
    const frozen = await call(registry, world.admin, 'PUT', `/v1/schemes/${SCHEME.id}/versions/${SCHEME.version}`, { scheme: changed });
    expect(frozen).toMatchObject({ status: 409, body: { error: { code: 'SCHEME_IN_USE' } } });
    const fetched = await call<{ contentHash: string; inUse: boolean }>(registry, world.admin, 'GET', `/v1/schemes/${SCHEME.id}/versions/${SCHEME.version}`);
    expect(fetched.body).toMatchObject({ contentHash: world.schemeHash, inUse: true });
  });

  it('follows the submission state machine and refuses illegal or stale transitions', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { assign: false });
    const current = await call<{ version: number; state: string }>(registry, world.coordinator.token, 'GET', `/v1/submissions/${world.submissionId}`);
    expect(current.body.state).toBe('submitted');
    expect(await call(registry, world.coordinator.token, 'POST', `/v1/submissions/${world.submissionId}/transitions`, { to: 'draft', baseVersion: current.body.version }))
      .toMatchObject({ status: 409, body: { error: { code: 'ILLEGAL_TRANSITION' } } });
    expect(await call(registry, world.coordinator.token, 'POST', `/v1/submissions/${world.submissionId}/transitions`, { to: 'certified', baseVersion: current.body.version }))
      .toMatchObject({ status: 409, body: { error: { code: 'ILLEGAL_TRANSITION' } } });
    expect(await call(registry, world.admin, 'POST', `/v1/submissions/${world.submissionId}/transitions`, { to: 'returned', baseVersion: current.body.version - 1 }))
      .toMatchObject({ status: 409, body: { error: { field: 'body.baseVersion' } } });
  });

  it('assigns N eligible experts, never one affiliated with the submitting institution', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry);
    expect(world.tasks).toHaveLength(3);
    const assigned = new Set(world.tasks.map((task) => task.expertId));
    expect(assigned).toEqual(new Set(world.experts.map((expert) => expert.id)));
    expect(assigned.has(world.affiliatedExpert.id)).toBe(false);
    const submission = await call<{ state: string }>(registry, world.admin, 'GET', `/v1/submissions/${world.submissionId}`);
    expect(submission.body.state).toBe('in_review');
  });

  it('refuses to name an affiliated expert and says when too few are eligible', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { experts: 2, assign: false });
    const named = await call(registry, world.admin, 'POST', `/v1/submissions/${world.submissionId}/assignments`, { expertIds: [world.experts[0]!.id, world.affiliatedExpert.id] });
    expect(named).toMatchObject({ status: 422, body: { error: { code: 'EXPERT_NOT_ELIGIBLE', field: 'body.expertIds.1' } } });
    const tooFew = await call(registry, world.admin, 'POST', `/v1/submissions/${world.submissionId}/assignments`, {});
    expect(tooFew).toMatchObject({ status: 422, body: { error: { code: 'NOT_ENOUGH_ELIGIBLE_EXPERTS' } } });
  });

  it('lets an admin withdraw a task and reassign another to a fresh eligible expert', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { experts: 4 });
    const [first, second] = world.tasks;
    const withdrawn = await call<{ state: string }>(registry, world.admin, 'POST', `/v1/tasks/${first!.id}/withdraw`, { reason: 'sick' });
    expect(withdrawn.body.state).toBe('withdrawn');
    expect((await call(registry, world.admin, 'POST', `/v1/tasks/${first!.id}/withdraw`, { reason: 'again' })).status).toBe(409);

    const reassigned = await call<{ previous: { state: string; replacedBy: string }; replacement: { id: string; expertId: string } }>(registry, world.admin, 'POST', `/v1/tasks/${second!.id}/reassign`, {});
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.previous).toMatchObject({ state: 'reassigned', replacedBy: reassigned.body.replacement.id });
    const onSubmission = new Set(world.tasks.map((task) => task.expertId));
    expect(onSubmission.has(reassigned.body.replacement.expertId)).toBe(false);
    expect(reassigned.body.replacement.expertId).not.toBe(world.affiliatedExpert.id);
    // Only the affiliated expert is left: nobody can take the next reassignment.
    expect(await call(registry, world.admin, 'POST', `/v1/tasks/${world.tasks[2]!.id}/reassign`, {}))
      .toMatchObject({ status: 422, body: { error: { code: 'NOT_ENOUGH_ELIGIBLE_EXPERTS' } } });
  });

  it('registers expert device keys idempotently and refuses non-Ed25519 keys', async () => {
    const registry = await harness.start();
    const expert = await registry.account(['expert']);
    const raw = 'A'.repeat(43);
    const first = await call(registry, expert.token, 'POST', '/v1/experts/me/keys', { keyId: 'k1', deviceId: 'd1', publicKey: raw });
    expect(first.status).toBe(201);
    expect((await call(registry, expert.token, 'POST', '/v1/experts/me/keys', { keyId: 'k1', deviceId: 'd1', publicKey: raw })).status).toBe(200);
    expect((await call(registry, expert.token, 'POST', '/v1/experts/me/keys', { keyId: 'k1', deviceId: 'd1', publicKey: 'B'.repeat(43) })).status).toBe(409);
    expect(await call(registry, expert.token, 'POST', '/v1/experts/me/keys', { keyId: 'k2', deviceId: 'd1', publicKey: 'bm90IGEga2V5IGF0IGFsbCwganVzdCB0ZXh0IHRoYXQgaXMgbG9uZw==' }))
      .toMatchObject({ status: 400, body: { error: { code: 'INVALID_PUBLIC_KEY', field: 'body.publicKey' } } });
  });

  it('refuses to change the occupation or level of a scheme version it replaces', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { assign: false });
    const url = `/v1/schemes/${SCHEME.id}/versions/${SCHEME.version}`;
    expect(await call(registry, world.admin, 'PUT', url, { scheme: { ...SCHEME, occupationCode: '6-18-02-05' } }))
      .toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', field: 'body.scheme.occupationCode' } } });
    expect(await call(registry, world.admin, 'PUT', url, { scheme: { ...SCHEME, level: 2 } }))
      .toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', field: 'body.scheme.level' } } });
    const row = await registry.app.registry.db.selectFrom('marking_schemes').select(['occupation_code', 'level']).where('id', '=', SCHEME.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ occupation_code: SCHEME.occupationCode, level: SCHEME.level });
  });

  it('never assigns an expert whose own account belongs to the submitting institution', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { experts: 3, assign: false });
    // an expert account of institution A with no recorded affiliation: the account itself is the conflict
    const member = await registry.account(['expert'], { institutionId: world.institutionA });
    await call(registry, world.admin, 'PUT', `/v1/experts/${member.id}`, { status: 'approved', specialties: [{ occupationCode: SCHEME.occupationCode, level: 2 }], affiliations: [] });
    expect(await call(registry, world.admin, 'POST', `/v1/submissions/${world.submissionId}/assignments`, { expertIds: [member.id] }))
      .toMatchObject({ status: 422, body: { error: { code: 'EXPERT_NOT_ELIGIBLE', field: 'body.expertIds.0' } } });
    const auto = await call<{ tasks: Array<{ expertId: string }> }>(registry, world.admin, 'POST', `/v1/submissions/${world.submissionId}/assignments`, { count: 3 });
    expect(auto.status).toBe(201);
    expect(auto.body.tasks.map((task) => task.expertId)).not.toContain(member.id);
  });

  it('fills videos from the registry\'s ingest and submits only videos whose ingest is done', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { assign: false });
    const coordinator = world.coordinator.token;
    // the world's own submission named only the original; the registry filled in what its ingest made
    expect((await call<{ videos: unknown[] }>(registry, coordinator, 'GET', `/v1/submissions/${world.submissionId}`)).body.videos).toEqual([FIXTURE_VIDEO]);
    expect(await createSubmission(registry, world, [{ originalSha256: FIXTURE_VIDEO.originalSha256, proxySha256: 'e'.repeat(64) }]))
      .toMatchObject({ status: 422, body: { error: { code: 'MEDIA_MISMATCH', field: 'body.videos.0.proxySha256' } } });

    const never = await createSubmission(registry, world, [{ originalSha256: '7'.repeat(64) }]);
    expect(never.body).toMatchObject({ state: 'draft', videos: [{ originalSha256: '7'.repeat(64), proxySha256: null, frameTableSha256: null }] });
    expect(await moveSubmission(registry, coordinator, never.body.id, ['validated', 'uploaded', 'submitted']))
      .toMatchObject({ status: 409, body: { error: { code: 'MEDIA_NOT_INGESTED', field: 'videos.0.originalSha256' } } });
    const at = new Date().toISOString();
    await mediaDb(registry.app.registry.db).insertInto('ingest_jobs').values({
      source_sha256: '7'.repeat(64), state: 'running', attempts: 1, reason: null, detail: null, proxy_sha256: null, frame_table: null, frame_table_sha256: null, queued_at: at, updated_at: at,
    }).execute();
    expect(await moveSubmission(registry, coordinator, never.body.id, ['submitted'])).toMatchObject({ status: 409, body: { error: { code: 'MEDIA_NOT_INGESTED' } } });

    // an upload ingest already rejected: the new submission starts returned, with the coded reason
    await mediaDb(registry.app.registry.db).insertInto('ingest_jobs').values({
      source_sha256: '8'.repeat(64), state: 'rejected', attempts: 1, reason: 'zero_frames', detail: 'the video stream has no frames', proxy_sha256: null, frame_table: null, frame_table_sha256: null, queued_at: at, updated_at: at,
    }).execute();
    const bad = await createSubmission(registry, world, [{ originalSha256: FIXTURE_VIDEO.originalSha256 }, { originalSha256: '8'.repeat(64) }]);
    expect(bad).toMatchObject({ status: 201, body: { state: 'returned', returnReason: 'media.zero_frames', result: { media: { originalSha256: '8'.repeat(64), reason: 'zero_frames' } } } });
    expect(await moveSubmission(registry, coordinator, bad.body.id, ['draft', 'validated', 'uploaded', 'submitted']))
      .toMatchObject({ status: 409, body: { error: { code: 'MEDIA_REJECTED', field: 'videos.1.originalSha256' } } });
  });
});
