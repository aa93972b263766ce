import { createPublicKey, verify } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxQueue } from '../../../electron/services/sync/outbox';
import { payloadHash } from '../../../electron/services/sync/payload-hash';
import type { ReviewDraft } from '../../../shared/contract/ipc/review-channels';
import { ServiceError } from '../../../shared/contract/result';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { openReviewFixture, task, type ReviewFixture } from './review-fixture';

/**
 * Hand-computed on the example scheme (shared/domain/scoring/example-scheme.ts):
 * A1 pass → 10; A2 one occurrence → 10 − 2 = 8; A3 50.8 mm (|0.8| ≤ 1) → 12; A4 J2 → 30·2/3 = 20; A5 J3 → 20;
 * A6 J3 → 10. Total 80. Veto V1 zeroes A3 → 68, still ≥ 60 → pass.
 */
const fullDraft = (): ReviewDraft => ({
  marks: [
    { aspectId: 'A1', value: true, rationale: '' },
    { aspectId: 'A2', value: 1, rationale: '' },
    { aspectId: 'A3', value: 50.8, rationale: '' },
    { aspectId: 'A4', value: 2, rationale: '' },
    { aspectId: 'A5', value: 3, rationale: '动作规范到位' },
    { aspectId: 'A6', value: 3, rationale: '清理彻底并自检' },
  ],
  vetoHits: [{ vetoId: 'V1', rationale: '测量读数被遮挡后改写' }],
  clips: [
    { id: 'c1', fromFrame: 10, toFrame: 20, note: '改写读数', attachTo: { kind: 'veto', id: 'V1' } },
    { id: 'c2', fromFrame: 30, toFrame: 40, note: '焊缝', attachTo: { kind: 'aspect', id: 'A4' } },
  ],
  verdict: 'pass',
  comment: '',
  positionFrame: 42,
  focusedAspectId: 'A5',
});

const rejection = async (promise: Promise<unknown>): Promise<ServiceError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
};

let fixture: ReviewFixture;
afterEach(() => fixture?.remove());

const outboxRows = () => fixture.store.db().prepare('SELECT * FROM outbox ORDER BY seq').all() as Array<Record<string, unknown>>;

describe('review task list', () => {
  it('lists the expert’s tasks from the replica with media and scoring state, not other experts’ tasks', async () => {
    fixture = await openReviewFixture([task('t1', { practitionerName: '王五' }), task('t2', { dueDate: '2026-01-05' })]);
    fixture.addTasks([task('t3')], false);
    fixture.addTasks([task('t-other', { expertId: 'someone-else' })]);
    const { tasks } = await fixture.call('review.listTasks', {});
    const byId = new Map(tasks.map((row) => [row.taskId, row]));
    expect([...byId.keys()].sort()).toEqual(['t1', 't2', 't3']);
    expect(byId.get('t1')).toMatchObject({
      practitionerName: '王五', residentIdMasked: '110105********002X', occupationCode: '6-18-02-04', occupationName: '焊工', level: 3,
      dueDate: '2026-12-31', media: { state: 'ready' }, scoring: 'new', readOnly: null, round: 1,
    });
    expect(byId.get('t3')?.media).toEqual({ state: 'missing' });
  });

  it('shows draft, submitted, and the read-only reason of a withdrawn task', async () => {
    fixture = await openReviewFixture([task('t1'), task('t2'), task('t3')]);
    await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft: fullDraft() });
    await fixture.call('review.saveDraft', { taskId: 't2', baseRevision: 0, draft: fullDraft() });
    await fixture.call('review.submitDecision', { taskId: 't2', draftRevision: 1 });
    fixture.addTasks([task('t3', { state: 'withdrawn', version: 2, statusReason: '专家病假' })]);
    const { tasks } = await fixture.call('review.listTasks', {});
    const state = Object.fromEntries(tasks.map((row) => [row.taskId, [row.scoring, row.readOnly, row.statusReason]]));
    // t1 and t2 are rows without a statusReason at all (published before the registry had one): no reason.
    expect(state).toEqual({ t1: ['draft', null, null], t2: ['submitted', null, null], t3: ['new', 'withdrawn', '专家病假'] });
    expect((await fixture.call('review.getTask', { taskId: 't3' })).row.statusReason).toBe('专家病假');
  });

  it('reads a blank status reason as none and cuts an overlong one to the contract limit, never dropping the task', async () => {
    fixture = await openReviewFixture([
      task('t1', { state: 'withdrawn', statusReason: '   ' }),
      task('t2', { state: 'withdrawn', statusReason: '长'.repeat(600) }),
      task('t3', { state: 'reassigned', statusReason: null }),
    ]);
    const { tasks } = await fixture.call('review.listTasks', {});
    const reasons = new Map(tasks.map((row) => [row.taskId, row.statusReason]));
    expect(reasons.get('t1')).toBeNull();
    expect(reasons.get('t2')).toBe('长'.repeat(500));
    expect(reasons.get('t3')).toBeNull();
  });
});

describe('drafts', () => {
  it('saves every change as a new revision and restores it after a restart', async () => {
    fixture = await openReviewFixture([task('t1')]);
    const draft = fullDraft();
    expect((await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft })).revision).toBe(1);
    const second = { ...draft, positionFrame: 77, comment: '第二次' };
    expect((await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 1, draft: second })).revision).toBe(2);
    await fixture.reopen();
    const detail = await fixture.call('review.getTask', { taskId: 't1' });
    expect(detail.draftRevision).toBe(2);
    expect(detail.draft).toEqual(second);
    expect(detail.blocked).toBeNull();
    expect(detail.frameTable?.frameCount).toBe(90);
    expect(detail.proxyMediaPath).toBe(`${fixture.media.proxySha256.slice(0, 2)}/${fixture.media.proxySha256}`);
  });

  it('refuses a save based on a revision that is no longer the stored one', async () => {
    fixture = await openReviewFixture([task('t1')]);
    await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft: fullDraft() });
    expect((await rejection(fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft: fullDraft() }))).messageKey).toBe('review.errors.draftStale');
    expect((await fixture.call('review.getTask', { taskId: 't1' })).draftRevision).toBe(1);
  });

  it('refuses scores outside an aspect’s range and ids the scheme lacks, keeping what was saved', async () => {
    fixture = await openReviewFixture([task('t1')]);
    await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft: fullDraft() });
    const bad = (marks: ReviewDraft['marks']) => fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 1, draft: { ...fullDraft(), marks } });
    for (const marks of [
      [{ aspectId: 'A4', value: 4, rationale: '' }],
      [{ aspectId: 'A4', value: 1.5, rationale: '' }],
      [{ aspectId: 'A1', value: 1, rationale: '' }],
      [{ aspectId: 'A2', value: -1, rationale: '' }],
      [{ aspectId: 'A99', value: 1, rationale: '' }],
    ]) {
      const error = await rejection(bad(marks));
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.[0]?.message).toMatch(/^review\.issues\./);
    }
    const wrongClip = { ...fullDraft(), clips: [{ id: 'c9', fromFrame: 1, toFrame: 2, note: '', attachTo: { kind: 'veto' as const, id: 'V9' } }] };
    expect((await rejection(fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 1, draft: wrongClip }))).code).toBe('VALIDATION');
    expect((await fixture.call('review.getTask', { taskId: 't1' })).draft).toEqual(fullDraft());
  });

  it('refuses a draft on a task the expert does not have', async () => {
    fixture = await openReviewFixture([task('t-other', { expertId: 'someone-else' })]);
    expect((await rejection(fixture.call('review.saveDraft', { taskId: 't-other', baseRevision: 0, draft: fullDraft() }))).code).toBe('NOT_FOUND');
  });
});

describe('decisions', () => {
  it('signs the canonical sheet with the device key and queues it in the same transaction as the decision row', async () => {
    fixture = await openReviewFixture([task('t1', { version: 3 })]);
    await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft: fullDraft() });
    const result = await fixture.call('review.submitDecision', { taskId: 't1', draftRevision: 1 });
    expect(result.total).toBe(68);
    expect(result.pass).toBe(true);

    const [op, ...others] = outboxRows();
    expect(others).toEqual([]);
    expect(op).toMatchObject({ kind: 'decision.submit', seq: 1, base_version: 3, state: 'pending', op_id: result.decision.opId });
    const payload = JSON.parse(String(op!.payload)) as { sheet: Record<string, unknown>; signature: { keyId: string; alg: string; signature: string } };
    expect(op!.payload_hash).toBe(payloadHash(payload));
    expect(payload.sheet).toMatchObject({
      taskId: 't1', schemeId: 'scheme-welder-l3', schemeVersion: 1, proxySha256: fixture.media.proxySha256, round: 1,
      verdict: 'pass', previousDecisionHash: null,
      vetoHits: [{ vetoId: 'V1', rationale: '测量读数被遮挡后改写', evidence: [{ fromFrame: 10, toFrame: 20, note: '改写读数' }] }],
    });
    expect((payload.sheet.marks as Array<{ aspectId: string; evidence?: unknown }>).find((m) => m.aspectId === 'A4')?.evidence)
      .toEqual([{ fromFrame: 30, toFrame: 40, note: '焊缝' }]);

    // Verified with node:crypto against the profile's public key, over the canonical bytes the registry re-derives.
    const key = createPublicKey({ key: Buffer.from(fixture.profile.publicKeySpki, 'base64'), format: 'der', type: 'spki' });
    const bytes = Buffer.from(canonicalJson(payload.sheet), 'utf8');
    expect(payload.signature.keyId).toBe(fixture.profile.keyId);
    expect(payload.signature.alg).toBe('Ed25519');
    expect(verify(null, bytes, key, Buffer.from(payload.signature.signature, 'base64'))).toBe(true);
    const tampered = Buffer.from(canonicalJson({ ...payload.sheet, verdict: 'fail' }), 'utf8');
    expect(verify(null, tampered, key, Buffer.from(payload.signature.signature, 'base64'))).toBe(false);

    const detail = await fixture.call('review.getTask', { taskId: 't1' });
    expect(detail.decision?.opState).toBe('pending');
    expect(detail.row.scoring).toBe('submitted');
    expect((await rejection(fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 1, draft: fullDraft() }))).messageKey).toBe('review.errors.alreadySubmitted');
  });

  it('shows a decision the registry rejected as rejected, with its reason, still read-only', async () => {
    fixture = await openReviewFixture([task('t1')]);
    await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft: fullDraft() });
    const { decision } = await fixture.call('review.submitDecision', { taskId: 't1', draftRevision: 1 });
    // Settled the way the sync engine settles a push answer.
    new OutboxQueue(() => fixture.store.db()).settle([{ opId: decision.opId, state: 'rejected', result: null, reason: 'task.staleVersion' }], new Date().toISOString());
    const detail = await fixture.call('review.getTask', { taskId: 't1' });
    expect(detail.decision).toMatchObject({ opState: 'rejected', opReason: 'task.staleVersion' });
    expect(detail.row.scoring).toBe('rejected');
    expect((await rejection(fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 1, draft: fullDraft() }))).code).toBe('CONFLICT');
  });

  it('chains each decision to the previous one by hash', async () => {
    fixture = await openReviewFixture([task('t1'), task('t2')]);
    for (const id of ['t1', 't2']) await fixture.call('review.saveDraft', { taskId: id, baseRevision: 0, draft: fullDraft() });
    const first = await fixture.call('review.submitDecision', { taskId: 't1', draftRevision: 1 });
    const second = await fixture.call('review.submitDecision', { taskId: 't2', draftRevision: 1 });
    expect(first.decision.sheet.previousDecisionHash).toBeNull();
    expect(second.decision.sheet.previousDecisionHash).toBe(first.decision.decisionHash);
    expect(outboxRows().map((row) => row.seq)).toEqual([1, 2]);
  });

  it('refuses to sign what the registry would reject, and queues nothing', async () => {
    fixture = await openReviewFixture([task('t1')]);
    const cases: Array<[string, ReviewDraft]> = [
      ['mandatory A4 unmarked', { ...fullDraft(), marks: fullDraft().marks.filter((m) => m.aspectId !== 'A4') }],
      ['J3 without rationale', { ...fullDraft(), marks: fullDraft().marks.map((m) => (m.aspectId === 'A5' ? { ...m, rationale: ' ' } : m)) }],
      ['veto without evidence', { ...fullDraft(), clips: fullDraft().clips.filter((c) => c.id !== 'c1') }],
      ['veto without rationale', { ...fullDraft(), vetoHits: [{ vetoId: 'V1', rationale: '' }] }],
      ['no verdict', { ...fullDraft(), verdict: null }],
    ];
    let revision = 0;
    for (const [why, draft] of cases) {
      revision = (await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: revision, draft })).revision;
      const error = await rejection(fixture.call('review.submitDecision', { taskId: 't1', draftRevision: revision }));
      expect(error.code, why).toBe('VALIDATION');
    }
    expect(outboxRows()).toEqual([]);
  });

  it('signs only the draft revision the expert confirmed', async () => {
    fixture = await openReviewFixture([task('t1')]);
    await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft: fullDraft() });
    await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 1, draft: { ...fullDraft(), verdict: 'fail' } });
    expect((await rejection(fixture.call('review.submitDecision', { taskId: 't1', draftRevision: 1 }))).messageKey).toBe('review.errors.draftStale');
  });

  it('rolls back the outbox op when the decision row cannot be written (and the seq is not consumed)', async () => {
    fixture = await openReviewFixture([task('t1')]);
    await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft: fullDraft() });
    const db = fixture.store.db();
    db.exec("CREATE TEMP TRIGGER refuse_decision BEFORE INSERT ON review_decisions BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    await expect(fixture.call('review.submitDecision', { taskId: 't1', draftRevision: 1 })).rejects.toThrow(/disk full/);
    expect(outboxRows()).toEqual([]);
    expect(db.prepare('SELECT next_seq FROM profiles').get()).toEqual({ next_seq: 1 });
    expect((await fixture.call('review.getTask', { taskId: 't1' })).decision).toBeNull();

    db.exec('DROP TRIGGER refuse_decision');
    await fixture.call('review.submitDecision', { taskId: 't1', draftRevision: 1 });
    expect(outboxRows().map((row) => [row.seq, row.kind])).toEqual([[1, 'decision.submit']]);
  });
});

describe('conflict of interest, withdrawn tasks, discrepancy rounds', () => {
  it('queues a declaration with its reason and makes the task read-only', async () => {
    fixture = await openReviewFixture([task('t1', { version: 2 })]);
    const { opId } = await fixture.call('review.declareConflict', { taskId: 't1', reason: '曾在该机构任教' });
    expect(outboxRows().map((row) => [row.op_id, row.kind, row.payload, row.base_version]))
      .toEqual([[opId, 'task.declareConflict', canonicalJson({ reason: '曾在该机构任教', taskId: 't1' }), 2]]);
    const detail = await fixture.call('review.getTask', { taskId: 't1' });
    expect(detail.row.readOnly).toBe('conflictDeclared');
    expect(detail.conflict).toMatchObject({ reason: '曾在该机构任教', opState: 'pending' });
    expect((await rejection(fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft: fullDraft() }))).code).toBe('CONFLICT');
  });

  it('keeps the draft of a task withdrawn after it was scored, read-only and exportable', async () => {
    fixture = await openReviewFixture([task('t1')]);
    await fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft: fullDraft() });
    fixture.addTasks([task('t1', { state: 'withdrawn', version: 2, statusReason: 'submission.returned' })]);
    expect((await rejection(fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 1, draft: fullDraft() }))).details?.reason).toBe('withdrawn');
    expect((await rejection(fixture.call('review.submitDecision', { taskId: 't1', draftRevision: 1 }))).code).toBe('CONFLICT');
    const exported = await fixture.call('review.exportTask', { taskId: 't1' });
    expect(exported.fileName).toBe('review-t1.json');
    const json = JSON.parse(exported.json) as { task: { readOnly: string; statusReason: string }; draft: { draft: ReviewDraft } };
    expect(json.task.readOnly).toBe('withdrawn');
    // The export keeps the registry's code as sent: it is a record, not a screen.
    expect(json.task.statusReason).toBe('submission.returned');
    expect(json.draft.draft).toEqual(fullDraft());
  });

  it('shows a new round the previous spread per aspect, without names', async () => {
    const result = { round: 1, outcome: 'discrepancy', discrepancies: [{ aspectId: 'A4', scores: [1, 3, 3], spread: 2 }] };
    fixture = await openReviewFixture([task('t2', { round: 2, submissionResult: result })]);
    const detail = await fixture.call('review.getTask', { taskId: 't2' });
    expect(detail.previousRoundSpreads).toEqual([{ aspectId: 'A4', scores: [1, 3, 3], spread: 2 }]);
    expect(detail.row.round).toBe(2);
  });

  it('blocks a task whose scheme version the workstation does not have', async () => {
    fixture = await openReviewFixture([task('t1')]);
    fixture.store.db().prepare("DELETE FROM replica WHERE entity = 'scheme'").run();
    const detail = await fixture.call('review.getTask', { taskId: 't1' });
    expect(detail.blocked).toBe('schemeMissing');
    expect((await rejection(fixture.call('review.saveDraft', { taskId: 't1', baseRevision: 0, draft: fullDraft() }))).messageKey).toBe('review.errors.schemeMissing');
  });
});
