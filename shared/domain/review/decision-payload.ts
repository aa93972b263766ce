import { canonicalJson } from '../canonical-json';
import { MarkSheet, type MarkSheetInput } from './mark-sheet';

/**
 * An optional field that is present but undefined (`{ rationale: undefined }`, which zod keeps) means
 * the same as an absent one; drop such keys so both sides sign the same bytes. Anything else
 * canonicalJson rejects is still rejected.
 */
function omitUndefinedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(omitUndefinedKeys);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, omitUndefinedKeys(v)]),
  );
}

/**
 * The exact bytes an expert signs (Ed25519) and the registry verifies: the parsed mark sheet (defaults
 * filled in, unknown keys dropped, strings trimmed) as canonical JSON. The signature and its key id
 * travel next to this payload, not inside it. Throws a ZodError for an invalid sheet.
 */
export function markSheetContentForSigning(sheet: MarkSheetInput): string {
  return canonicalJson(omitUndefinedKeys(MarkSheet.parse(sheet)));
}
