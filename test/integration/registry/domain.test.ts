import { describe, expect, it } from 'vitest';
import { DIALECTS, registryHarness } from './support/harness';
import { SCHEME, call, reviewWorld, syntheticResidentId, syntheticUscc } from './support/fixtures';

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
});
