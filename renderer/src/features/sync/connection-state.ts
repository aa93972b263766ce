/** What the registry's last answer amounted to (SyncStatus.registryState, when the back end sends it). */
export type RegistryAnswer = 'ok' | 'unreachable' | 'badResponse' | 'refused';

/**
 * The one word the header shows. `offline` and `signedOut` are the ordinary states of an expert's laptop (calm
 * grey); `badResponse` means something other than the registry answered (a captive portal, a proxy); `paused` and
 * `signInRequired` mean the queue stopped until someone acts.
 */
export type ConnectionState = 'signedOut' | 'online' | 'offline' | 'badResponse' | 'paused' | 'signInRequired';

export interface StatusFacts {
  online: boolean;
  lastError?: string | null | undefined;
  blockedReason?: string | null | undefined;
  registryState?: RegistryAnswer | undefined;
}

/** Blocked reasons that do not stop the queue as a whole (decisions wait for the key; everything else flows). */
const NOT_PAUSING = new Set(['deviceKeyUnregistered']);

export function connectionState(status: StatusFacts | undefined, signedIn: boolean): ConnectionState {
  if (!signedIn || !status) return 'signedOut';
  if (status.blockedReason === 'signInRequired') return 'signInRequired';
  if (status.blockedReason && !NOT_PAUSING.has(status.blockedReason)) return 'paused';
  switch (status.registryState ?? deriveAnswer(status)) {
    case 'ok':
      return 'online';
    case 'refused':
      return 'paused';
    case 'badResponse':
      return 'badResponse';
    case 'unreachable':
      return 'offline';
  }
}

/** Before the back end reports registryState: read it from the diagnostic the engine keeps. */
function deriveAnswer(status: StatusFacts): RegistryAnswer {
  const error = status.lastError ?? '';
  if (error.startsWith('badResponse:') || /^offline:status \d+$/.test(error)) return 'badResponse';
  if (error.startsWith('unreachable:') || error.startsWith('offline:')) return 'unreachable';
  return status.online ? 'ok' : 'unreachable';
}

/** The colour of the header's dot: green, grey (offline is normal), amber for a bad answer, red when paused. */
export const stateColour: Record<ConnectionState, string> = {
  online: '#52c41a',
  offline: '#bfbfbf',
  signedOut: '#bfbfbf',
  badResponse: '#faad14',
  paused: '#ff7875',
  signInRequired: '#ff7875',
};
