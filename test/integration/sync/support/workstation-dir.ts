import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyedSecretStorage, type SecretStorage } from '../../../../electron/services/crypto/secret-storage';
import { WorkstationStore } from '../../../../electron/services/db/store';
import { ProfileRepository } from '../../../../electron/services/profiles/profile-repository';
import { SessionManager } from '../../../../electron/services/auth/session-manager';

/** A workstation data dir with a real store, secret storage and session manager pointed at `registryUrl`. */
export function openWorkstation(registryUrl: string, options: { dir?: string; key?: Buffer; now?: () => number } = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'osea-sync-ws-'));
  const store = WorkstationStore.open(dir);
  const storage: SecretStorage = createKeyedSecretStorage(options.key ?? Buffer.alloc(32, 7));
  const profiles = new ProfileRepository(() => store.db());
  let url = registryUrl;
  const session = new SessionManager({ profiles, storage, registryUrl: () => url, ...(options.now ? { now: options.now } : {}) });
  return {
    dir, store, storage, profiles, session,
    setRegistryUrl: (next: string) => { url = next; },
    close: () => store.close(),
    remove: () => { store.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}
