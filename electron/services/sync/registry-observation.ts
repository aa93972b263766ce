import type { RegistryState } from '../../../shared/contract/ipc/channels';
import { isTransient, type RegistryOutcome } from './registry-http';

export interface EngineObservation {
  /**
   * Only the registry itself answering (a valid body, or an error in its own format) counts as reachable. A captive
   * portal's HTML or a truncated body is an HTTP answer too, but it proves nothing about the registry, so the UI must
   * not read "online" from it.
   */
  reachable: boolean;
  state: RegistryState;
  detail: string | null;
}

export function observationOf(outcome: RegistryOutcome<unknown>): EngineObservation {
  const state = registryState(outcome);
  return { reachable: state === 'ok' || state === 'refused', state, detail: outcome.kind === 'ok' ? null : describe(outcome) };
}

/**
 * 5xx/429/408 in the registry's error format is the registry saying "not now" (reachable); the same status without
 * its body is a gateway or a stranger (bad response). Any other error status reached us in the registry's format
 * (registry-http turns the rest into bad-response), so it is a refusal.
 */
export function registryState(outcome: RegistryOutcome<unknown>): RegistryState {
  switch (outcome.kind) {
    case 'ok': return 'ok';
    case 'unreachable': return 'unreachable';
    case 'bad-response': return 'badResponse';
    case 'error':
      if (isTransient(outcome)) return outcome.body ? 'ok' : 'badResponse';
      return 'refused';
  }
}

/** A short diagnostic code for lastError and op reasons: unreachable:…, badResponse:<status>:…, http:<status>:<code>. */
export function describe(outcome: RegistryOutcome<unknown>): string {
  switch (outcome.kind) {
    case 'ok': return 'ok';
    case 'unreachable': return `unreachable:${outcome.reason}`;
    case 'bad-response': return `badResponse:${outcome.status}:${outcome.reason}`;
    case 'error': return `http:${outcome.status}:${outcome.body?.error.code ?? 'noBody'}`;
  }
}

export const retryAfter = (outcome: RegistryOutcome<unknown>): number | null => (outcome.kind === 'error' ? outcome.retryAfterMs : null);
