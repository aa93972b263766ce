/**
 * A push reads its decisions' tasks and submissions ahead (read-ahead.ts) and writes its change rows at its end
 * (withBufferedChanges): what one op of a batch did must still be what the next op of the same batch sees and what the
 * feed shows, in order.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS, registryHarness } from '../../test/integration/registry/support/harness';
import { markSheet, opOf, reviewWorld, signedDecision } from '../../test/integration/registry/support/fixtures';
import { pullAll, push } from '../../test/integration/registry/support/sync-client';

describe.each(DIALECTS)('one push, ops on the same task, on %s', (dialect) => {
  const harness = registryHarness(dialect);

  it('answers a decision after a conflict declared earlier in the batch as task.reassigned, and a second decision as task.alreadySubmitted', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { experts: 4 });
    const [declared, decided] = [world.tasks[0]!, world.tasks[1]!];
    const expertOf = (task: { expertId: string }) => world.experts.find((expert) => expert.id === task.expertId)!;

    const first = await push(registry, expertOf(declared), [
      opOf({ taskId: declared.id, reason: '曾为该机构授课' }, 1, 'task.declareConflict'),
      opOf(signedDecision(expertOf(declared), markSheet(declared, world.schemeHash)), 2),
    ]);
    expect(first.body.results.map((result) => result.reason ?? result.status)).toEqual(['applied', 'task.reassigned']);

    const sheet = markSheet(decided, world.schemeHash);
    const second = await push(registry, expertOf(decided), [opOf(signedDecision(expertOf(decided), sheet), 1), opOf(signedDecision(expertOf(decided), sheet), 2)]);
    expect(second.body.results.map((result) => result.reason ?? result.status)).toEqual(['applied', 'task.alreadySubmitted']);

    // The feed has each task's states in the order the batch made them.
    const feed = (await pullAll(registry, world.admin)).rows;
    const statesOf = (id: string) => feed.filter((row) => row.entity === 'task' && row.entityId === id).map((row) => row.data.state);
    expect(statesOf(declared.id)).toEqual(['assigned', 'reassigned']);
    expect(statesOf(decided.id)).toEqual(['assigned', 'submitted']);
    expect(feed.map((row) => row.seq)).toEqual([...feed.map((row) => row.seq)].sort((a, b) => a - b));
  });
});
