import { describe, expect, it } from 'vitest';
import type { MarkSheetInput } from '../../../shared/domain/review/mark-sheet';
import { DIALECTS, registryHarness, type TestRegistry } from './support/harness';
import { call, markSheet, opOf, reviewWorld, signedDecision, type SubmissionBody } from './support/fixtures';
import { pullAll, push } from './support/sync-client';

type World = Awaited<ReturnType<typeof reviewWorld>>;

/**
 * Every expert of round 1 submits the sheet `edit` makes of the default one (total 78, a pass on its own), in task
 * order; answers each op's roundOutcome so the test sees the round close only on the last decision.
 */
async function decideRound(registry: TestRegistry, world: World, edit: (sheet: MarkSheetInput, index: number) => MarkSheetInput) {
  const outcomes: unknown[] = [];
  for (const [index, task] of world.tasks.entries()) {
    const expert = world.experts.find((e) => e.id === task.expertId)!;
    const response = await push(registry, expert, [opOf(signedDecision(expert, edit(markSheet(task, world.schemeHash), index)), 1)]);
    expect(response.body.results[0]).toMatchObject({ status: 'applied' });
    outcomes.push(response.body.results[0]!.result!.roundOutcome);
  }
  return outcomes;
}

/** The institution's workstation learns the outcome from the feed: its latest row of the submission. */
async function latestSubmissionRow(registry: TestRegistry, world: World) {
  const feed = await pullAll(registry, world.coordinator.token);
  return feed.rows.filter((row) => row.entity === 'submission' && row.entityId === world.submissionId).at(-1)?.data;
}

const V3_HIT = { vetoId: 'V3', evidence: [{ fromFrame: 120, toFrame: 180, note: '未断电更换焊条' }], rationale: '带电作业' };

describe.each(DIALECTS)('review outcomes through the registry on %s', (dialect) => {
  const harness = registryHarness(dialect);

  it('fails a submission whose total passes when a majority hit the fail-all veto, keeping the demonstrated total', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry);
    // Two of three experts hit V3 (fail_all): a strict majority, so it applies. Their verdict stays 'pass' on purpose:
    // the registry computes the outcome, an expert's verdict does not override it.
    const outcomes = await decideRound(registry, world, (sheet, index) => (index < 2 ? { ...sheet, vetoHits: [V3_HIT] } : sheet));
    expect(outcomes).toEqual(['pending', 'pending', 'not_certified']);

    // By hand, every expert marked alike: A1 pass 10 + A2 one deduction 10−2 = 8 + A3 50.2 within ±0.5 → 20
    // + A4 30×2/3 = 20 + A5 20×2/3 = 13.33 + A6 10×2/3 = 6.67 → 78.00 ≥ 60. A fail-all veto leaves the total as shown
    // (nothing is zeroed) but fails the result; without the veto this world is certified (sync.test.ts).
    const submission = await call<SubmissionBody>(registry, world.admin, 'GET', `/v1/submissions/${world.submissionId}`);
    expect(submission.body).toMatchObject({
      state: 'not_certified',
      returnReason: null,
      result: {
        outcome: 'not_certified', pass: false, failAll: true, total: 78, round: 1,
        criteria: [{ id: 'C1', subtotal: 18 }, { id: 'C2', subtotal: 53.33 }, { id: 'C3', subtotal: 6.67 }],
        vetoHits: [{ vetoId: 'V3', effect: 'fail_all' }],
        vetoTally: [{ vetoId: 'V1', hits: 0, applied: false }, { vetoId: 'V2', hits: 0, applied: false }, { vetoId: 'V3', hits: 2, applied: true }],
      },
    });
    expect(await latestSubmissionRow(registry, world)).toMatchObject({ state: 'not_certified', version: submission.body.version, result: { pass: false, total: 78 } });
  });

  it('returns a submission for re-recording when a majority of verdicts are return, with the coded reason', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry);
    // The last expert would pass it: two 'return' verdicts out of three are still a strict majority.
    const outcomes = await decideRound(registry, world, (sheet, index) => (index < 2 ? { ...sheet, verdict: 'return', comment: '画面失焦，无法判断焊缝' } : sheet));
    expect(outcomes).toEqual(['pending', 'pending', 'returned']);

    const submission = await call<SubmissionBody>(registry, world.admin, 'GET', `/v1/submissions/${world.submissionId}`);
    // registry/sync/round-outcome.ts codes a panel's return as review.reRecord (an operator's return carries its own reason)
    expect(submission.body).toMatchObject({ state: 'returned', returnReason: 'review.reRecord', result: { outcome: 'returned', returnVotes: 2, round: 1 } });
    expect(await latestSubmissionRow(registry, world)).toMatchObject({ state: 'returned', returnReason: 'review.reRecord', version: submission.body.version });
    // Returned means reworkable: the institution can take it back to draft (not_certified would be terminal).
    const back = await call<SubmissionBody>(registry, world.coordinator.token, 'POST', `/v1/submissions/${world.submissionId}/transitions`, { to: 'draft', baseVersion: submission.body.version });
    expect(back).toMatchObject({ status: 200, body: { state: 'draft' } });
  });
});
