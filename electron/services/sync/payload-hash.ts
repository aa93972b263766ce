import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';

/** sha256 (hex) of the payload's canonical JSON: the registry recomputes it, so both sides hash identical bytes. */
export const payloadHash = (payload: unknown): string =>
  createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
