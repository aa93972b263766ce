import { uploadAndIngest } from '../../integration/sync/support/ingested-video';
import type { LiveRegistry } from '../../integration/sync/support/registry';
import { approveExperts, submissionParty, submitAndAssign } from '../../integration/sync/support/review-world';

/**
 * `count` real review tasks for `expertId`, over the registry's real HTTP API: one institution, practitioner and
 * certificate, one video put through the registry's real ingest, and `count` submissions of it, each submitted and
 * assigned to exactly `expertId`. The `approved` experts (the given one plus any `others`) are approved for the example
 * scheme's occupation, so a conflict declared on one of these tasks is handed to one of `others` (or, with none, the
 * task is withdrawn). Submissions are made `concurrency` at a time to keep set-up short.
 */
export async function realTasksFor(
  registry: LiveRegistry, expertId: string, count: number, options: { others?: string[]; concurrency?: number } = {},
): Promise<string[]> {
  const originalSha256 = await uploadAndIngest(registry);
  const party = await submissionParty(registry, '王五');
  await approveExperts(registry, party.admin, [expertId, ...(options.others ?? [])]);
  const video = { originalSha256, proxySha256: null, frameTableSha256: null };
  const oneTask = async (): Promise<string> => (await submitAndAssign(registry, party, [expertId], [video])).taskIds.get(expertId)!;

  const taskIds: string[] = [];
  const concurrency = options.concurrency ?? 6;
  for (let done = 0; done < count; done += concurrency) {
    taskIds.push(...await Promise.all(Array.from({ length: Math.min(concurrency, count - done) }, oneTask)));
  }
  return taskIds;
}
