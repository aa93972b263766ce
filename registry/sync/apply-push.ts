import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import { canonicalJson, CanonicalJsonError } from '../../shared/domain/canonical-json.js';
import type { OpResult, PushRequest, PushResponse, WireOp } from '../../shared/contract/registry/sync.js';
import type { RegistryContext } from '../context.js';
import { withBufferedChanges } from '../db/changes-repository.js';
import { lockWriters, type RegistryDb } from '../db/connection.js';
import type { OpsTable } from '../db/schema.js';
import { inChunks } from '../db/in-chunks.js';
import { withReadAhead } from '../db/read-ahead.js';
import { withTransactionMemo } from '../db/transaction-memo.js';
import { inTransaction } from '../db/transaction.js';
import { HttpError } from '../http/http-error.js';
import type { AuthContext } from '../http/route-table.js';
import { applyDecisionSubmit } from './decision-submit.js';
import { readAheadForDecisions } from './decision-read-ahead.js';
import { applyDeclareConflict } from './declare-conflict.js';
import { prepareDecisionChecks, type PreparedDecisions } from './signature-checks.js';
import { rejected } from './task-checks.js';

type OpHandler = (trx: RegistryDb, context: RegistryContext, auth: AuthContext, op: WireOp, prepared: PreparedDecisions) => Promise<OpResult>;

/** 9 columns a row: well under the bound parameters a statement may have. */
const OP_ROWS_PER_INSERT = 500;

const HANDLERS: Record<string, OpHandler> = {
  'decision.submit': (trx, context, auth, op, prepared) => applyDecisionSubmit(trx, context, auth, op, prepared.get(op)),
  'task.declareConflict': (trx, context, auth, op) => applyDeclareConflict(trx, context, auth, op),
};

function payloadHashOf(op: WireOp, index: number): string {
  try {
    return createHash('sha256').update(canonicalJson(op.payload), 'utf8').digest('hex');
  } catch (error) {
    if (error instanceof CanonicalJsonError) throw new HttpError(422, 'VALIDATION', 'payload cannot be canonicalised', { field: `body.ops.${index}.payload` });
    throw error;
  }
}

interface PlanStep {
  op: WireOp;
  /** the stored result of an op applied by an earlier push, or null to apply it now */
  replay: string | null;
}

/**
 * What applying a batch may lean on: change rows written at its end (withBufferedChanges), schemes read once
 * (withTransactionMemo), rows read ahead for its decisions (withReadAhead).
 */
function inPushScope<T>(trx: RegistryDb, work: () => Promise<T>): Promise<T> {
  return withBufferedChanges(trx, () => withTransactionMemo(trx, () => withReadAhead(trx, work)));
}

/** Applies the batch's new ops in order; their op log rows are returned for the caller to write. */
async function applyPlan(trx: RegistryDb, context: RegistryContext, auth: AuthContext, deviceId: string, plan: readonly PlanStep[], prepared: PreparedDecisions): Promise<{ results: OpResult[]; opRows: Array<Insertable<OpsTable>> }> {
  const results: OpResult[] = [];
  const appliedHere = new Map<string, OpResult>();
  const opRows: Insertable<OpsTable>[] = [];
  for (const { op, replay } of plan) {
    if (replay !== null) {
      results.push(JSON.parse(replay) as OpResult);
      continue;
    }
    const again = appliedHere.get(op.opId);
    if (again) {
      results.push(again);
      continue;
    }
    const handler = HANDLERS[op.kind];
    const result = handler ? await handler(trx, context, auth, op, prepared) : rejected(op, 'op.unknownKind');
    opRows.push({
      op_id: op.opId, device_id: deviceId, account_id: auth.accountId, seq: op.seq, kind: op.kind.slice(0, 64),
      payload_hash: op.payloadHash, status: result.status, result: JSON.stringify(result), applied_at: context.now().toISOString(),
    });
    appliedHere.set(op.opId, result);
    results.push(result);
  }
  return { results, opRows };
}

/**
 * One push = one transaction. The whole batch is checked before anything is written (so a 409/422 leaves nothing
 * half-applied), then each new op is applied and its result row stored with it. A duplicate op id replays the stored
 * result; the same id with another payload hash is 422; a seq that is not the next one is 409 with the expected seq.
 */
export async function applyPush(context: RegistryContext, auth: AuthContext, push: PushRequest): Promise<PushResponse> {
  return inTransaction(context.db, async (trx) => {
    await lockWriters(trx);
    const device = await trx.selectFrom('devices').selectAll().where('id', '=', push.deviceId).executeTakeFirst();
    if (device && device.account_id !== auth.accountId) throw new HttpError(403, 'DEVICE_NOT_YOURS', 'this device id belongs to another account', { field: 'body.deviceId' });
    const lastSeq = device?.last_seq ?? 0;

    const ids = push.ops.map((op) => op.opId);
    const stored = new Map((await trx.selectFrom('ops').selectAll().where('op_id', 'in', ids).execute()).map((row) => [row.op_id, row]));
    const inBatch = new Map<string, string>();
    let expected = lastSeq + 1;
    const plan: PlanStep[] = [];
    push.ops.forEach((op, index) => {
      const hash = payloadHashOf(op, index);
      if (hash !== op.payloadHash) throw new HttpError(422, 'VALIDATION', 'payloadHash is not the sha256 of the canonical payload', { field: `body.ops.${index}.payloadHash` });
      const previous = stored.get(op.opId);
      const earlier = inBatch.get(op.opId);
      if (previous || earlier !== undefined) {
        const sameOp = previous ? previous.payload_hash === op.payloadHash && previous.account_id === auth.accountId : earlier === op.payloadHash;
        if (!sameOp) throw new HttpError(422, 'OP_ID_CONFLICT', 'this op id was used with another payload', { field: `body.ops.${index}.opId` });
        plan.push({ op, replay: previous ? previous.result : null });
        return;
      }
      if (op.seq !== expected) {
        throw new HttpError(409, 'SEQ_GAP', `device seq ${op.seq} is not the next one`, { field: `body.ops.${index}.seq`, expectedSeq: expected });
      }
      expected += 1;
      inBatch.set(op.opId, op.payloadHash);
      plan.push({ op, replay: null });
    });

    const prepared = await prepareDecisionChecks(trx, auth.accountId, plan.filter((step) => step.replay === null).map((step) => step.op));
    if (!device) await trx.insertInto('devices').values({ id: push.deviceId, account_id: auth.accountId, last_seq: 0 }).execute();
    const { results, opRows } = await inPushScope(trx, async () => {
      await readAheadForDecisions(trx, prepared);
      return applyPlan(trx, context, auth, push.deviceId, plan, prepared);
    });
    // The op log rows go in with a few multi-row statements at the end of the same transaction: nothing in the batch
    // reads them back (in-batch repeats are answered from appliedHere), and one statement per op was a tenth of the cost.
    await inChunks(opRows, OP_ROWS_PER_INSERT, (chunk) => trx.insertInto('ops').values(chunk).execute());
    if (expected - 1 > lastSeq) await trx.updateTable('devices').set({ last_seq: expected - 1 }).where('id', '=', push.deviceId).execute();
    return { results };
  });
}
