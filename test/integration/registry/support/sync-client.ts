import { expect } from 'vitest';
import { call, type ExpertHandle } from './fixtures';
import type { TestRegistry } from './harness';

export type Results = { results: Array<{ opId: string; status: string; reason?: string; result?: Record<string, unknown> }> };

/** POST /v1/ops as the expert, from their own device unless another is named. */
export async function push(registry: TestRegistry, expert: ExpertHandle, ops: unknown[], deviceId = expert.deviceId) {
  return call<Results & { error?: { code: string; expectedSeq?: number; field?: string } }>(registry, expert.token, 'POST', '/v1/ops', { deviceId, ops });
}

export type ChangeRow = { seq: number; entity: string; entityId: string; data: Record<string, unknown> };

/** The caller's whole change feed, in small pages so paging by cursor is exercised too. */
export async function pullAll(registry: TestRegistry, token: string) {
  const rows: ChangeRow[] = [];
  let cursor = 0;
  for (;;) {
    const page = await call<{ changes: ChangeRow[]; cursor: number; hasMore: boolean }>(registry, token, 'GET', `/v1/changes?cursor=${cursor}&limit=7`);
    expect(page.status).toBe(200);
    rows.push(...page.body.changes);
    cursor = page.body.cursor;
    if (!page.body.hasMore) return { rows, cursor };
  }
}
