/**
 * Decisions' signatures are checked ahead of the ops that carry them: when a push arrives, every decision of the batch
 * is parsed, its signed bytes made and its Ed25519 check started on the thread pool, so signature checking (a good
 * share of applying a decision) runs beside the main thread's SQL instead of after it. The handler still consults the
 * verdict at its own point, so rejection reasons come in the same order as without this.
 */
import { markSheetContentForSigning } from '../../shared/domain/review/decision-payload.js';
import { DecisionSubmitPayload, type WireOp } from '../../shared/contract/registry/sync.js';
import type { RegistryDb } from '../db/connection.js';
import { publicKeyFromSpki, verifyEd25519Async } from '../crypto/ed25519.js';

export interface PreparedDecision {
  payload: DecisionSubmitPayload;
  /** The canonical bytes the expert signed. */
  signedBytes: string;
  /** null when the key is not the account's (the handler then says decision.unknownKey). */
  verdict: Promise<boolean> | null;
}

export type PreparedDecisions = Map<WireOp, PreparedDecision>;

export async function prepareDecisionChecks(trx: RegistryDb, accountId: string, ops: readonly WireOp[]): Promise<PreparedDecisions> {
  const parsed: Array<[WireOp, DecisionSubmitPayload]> = [];
  for (const op of ops) {
    if (op.kind !== 'decision.submit') continue;
    const payload = DecisionSubmitPayload.safeParse(op.payload);
    if (payload.success) parsed.push([op, payload.data]);
  }
  const prepared: PreparedDecisions = new Map();
  if (parsed.length === 0) return prepared;
  const keyIds = [...new Set(parsed.map(([, payload]) => payload.signature.keyId))];
  const keys = new Map((await trx.selectFrom('expert_keys').select(['key_id', 'public_key_spki'])
    .where('account_id', '=', accountId).where('key_id', 'in', keyIds).execute()).map((row) => [row.key_id, row.public_key_spki]));
  for (const [op, payload] of parsed) {
    const signedBytes = markSheetContentForSigning(payload.sheet);
    const spki = keys.get(payload.signature.keyId);
    const verdict = spki === undefined ? null : verifyEd25519Async(publicKeyFromSpki(spki), signedBytes, payload.signature.signature);
    prepared.set(op, { payload, signedBytes, verdict });
  }
  return prepared;
}
