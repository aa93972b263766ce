/**
 * The body limit of POST /v1/ops. The contract lets a device push 1,000 ops at once (PushRequest), so the limit must
 * take 1,000 of the largest decisions an expert realistically signs; the registry-wide 1 MiB (config.ts) holds ~100.
 * Every other route keeps 1 MiB, and only a signed-in caller reaches this one (roles are checked before the body is read).
 *
 * The largest realistic decision, built below and measured: every identifier, hash and signature at its schema
 * maximum (read from the schemas, so the limit follows them), the comment at its schema maximum, all text Chinese
 * (3 UTF-8 bytes a character; JSON does not escape it), and — where the schema's maximum is no realistic bound (500
 * marks of 2,000-character rationales with 50 clips each would be ~80 MB per op) — a large national-standard scheme:
 * 40 aspects marked, each with a 60-character rationale and one evidence clip with a 30-character note, and 2 veto hits
 * with a clip and a 200-character rationale. ≈ 32 KiB per op → the limit is 32 MiB. A heavier push is refused with
 * 413 before it is parsed; the client then sends fewer ops per batch.
 */
import { DecisionSignature, PushRequest } from '../../shared/contract/registry/sync.js';
import { MarkSheet } from '../../shared/domain/review/mark-sheet.js';

/** PushRequest's `ops` maximum. */
export const OPS_PER_PUSH = 1000;
const REALISTIC = { marks: 40, rationaleChars: 60, clipNoteChars: 30, vetoHits: 2, vetoRationaleChars: 200 } as const;
/** SchemeItemId and Sha256Hex are regexes (no maxLength): `^[A-Za-z0-9._-]{1,64}$` and 64 hex digits. */
const ITEM_ID_CHARS = 64;
const SHA256_CHARS = 64;
const HAN = '焊';
const MAX_FRAME = 100_000_000;

function maxLength(schema: { maxLength: number | null }, name: string): number {
  if (schema.maxLength === null) throw new Error(`${name} has no maximum length`);
  return schema.maxLength;
}

const text = (chars: number): string => HAN.repeat(chars);
const clip = (noteChars: number) => ({ fromFrame: MAX_FRAME, toFrame: MAX_FRAME, note: text(noteChars) });

/** One decision.submit op as large as a real one gets (see above); exported for the test that pushes 1,000. */
export function realisticMaxDecisionOp(seq = OPS_PER_PUSH): Record<string, unknown> {
  const entityIdChars = maxLength(MarkSheet.shape.taskId, 'MarkSheet.taskId');
  const sheet = {
    taskId: 't'.repeat(entityIdChars),
    schemeId: 's'.repeat(maxLength(MarkSheet.shape.schemeId, 'MarkSheet.schemeId')),
    schemeVersion: 1_000_000,
    schemeHash: 'a'.repeat(SHA256_CHARS),
    proxySha256: 'b'.repeat(SHA256_CHARS),
    round: 1_000,
    marks: Array.from({ length: REALISTIC.marks }, (_, i) => ({
      aspectId: `${i}`.padStart(ITEM_ID_CHARS, 'A'),
      value: 100.25,
      rationale: text(REALISTIC.rationaleChars),
      evidence: [clip(REALISTIC.clipNoteChars)],
    })),
    vetoHits: Array.from({ length: REALISTIC.vetoHits }, (_, i) => ({
      vetoId: `${i}`.padStart(ITEM_ID_CHARS, 'V'),
      evidence: [clip(REALISTIC.clipNoteChars)],
      rationale: text(REALISTIC.vetoRationaleChars),
    })),
    verdict: 'return',
    comment: text(maxLength(MarkSheet.shape.comment.unwrap(), 'MarkSheet.comment')),
    previousDecisionHash: 'c'.repeat(SHA256_CHARS),
  };
  const signature = {
    keyId: 'k'.repeat(maxLength(DecisionSignature.shape.keyId, 'DecisionSignature.keyId')),
    alg: 'Ed25519',
    signature: 'S'.repeat(maxLength(DecisionSignature.shape.signature, 'DecisionSignature.signature')),
  };
  return {
    opId: '00000000-0000-7000-8000-000000000000',
    seq,
    kind: 'decision.submit',
    payload: { sheet, signature },
    payloadHash: 'd'.repeat(SHA256_CHARS),
    baseVersion: 2_147_483_647,
  };
}

const MIB = 1024 * 1024;
const envelopeBytes = Buffer.byteLength(JSON.stringify({ deviceId: 'x'.repeat(maxLength(PushRequest.shape.deviceId, 'PushRequest.deviceId')), ops: [] }));
/** Bytes of one realistic max-size op as JSON, plus the comma between ops. */
export const REALISTIC_MAX_OP_BYTES = Buffer.byteLength(JSON.stringify(realisticMaxDecisionOp())) + 1;
/** 1,000 of them and the envelope, rounded up to a whole MiB. */
export const OPS_BODY_LIMIT_BYTES = Math.ceil((OPS_PER_PUSH * REALISTIC_MAX_OP_BYTES + envelopeBytes) / MIB) * MIB;
