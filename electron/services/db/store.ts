import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { ServiceError } from '../../../shared/contract/result';
import type { StoreStatus } from '../../../shared/contract/ipc';
import type { Migration } from './migration';
import { migrate } from './migrate';
import { migrations as allMigrations } from './migrations';

export const STORE_FILE_NAME = 'workstation.sqlite';

export interface StoreOptions {
  migrations?: readonly Migration[];
  /** Injected so tests can name the moved-aside file deterministically. */
  now?: () => Date;
}

/**
 * The workstation's local SQLite store. A file that cannot be opened, fails its integrity check or was written by
 * a newer build leaves the store 'unavailable' with the reason: the file is never reset silently, only moved aside
 * when the user chooses to.
 */
export class WorkstationStore {
  private connection: Database | null = null;
  private unavailableReason: string | null = null;

  private constructor(
    readonly file: string,
    private readonly options: StoreOptions,
  ) {}

  /** Never throws for a bad data folder or file: the store comes back 'unavailable' with the reason instead. */
  static open(dataDir: string, options: StoreOptions = {}): WorkstationStore {
    const store = new WorkstationStore(join(dataDir, STORE_FILE_NAME), options);
    store.connect();
    return store;
  }

  status(): StoreStatus {
    return this.connection
      ? { state: 'ok', file: this.file }
      : { state: 'unavailable', file: this.file, reason: this.unavailableReason ?? 'closed' };
  }

  /** The open connection, or STORE_UNAVAILABLE naming the file so the UI can offer the choices. */
  db(): Database {
    if (this.connection) return this.connection;
    throw new ServiceError('STORE_UNAVAILABLE', 'errors.storeUnavailable', {
      file: this.file,
      reason: this.unavailableReason ?? 'closed',
    });
  }

  /** Tries an unavailable store again (the user fixed the folder); a healthy store is left as it is. */
  reopen(): StoreStatus {
    if (!this.connection) this.connect();
    return this.status();
  }

  /** Only for an unavailable store: a healthy store is never discarded through this path. */
  moveAsideAndStartFresh(): { movedTo: string } {
    if (this.connection) {
      throw new ServiceError('CONFLICT', 'errors.storeHealthy', { file: this.file });
    }
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const movedTo = `${this.file}.corrupt-${stamp}`;
    // The -wal and -shm files belong to the same database state; they move with it under matching names.
    try {
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(this.file + suffix)) renameSync(this.file + suffix, movedTo + suffix);
      }
    } catch (error) {
      // A folder we cannot write to cannot be fixed from here: report it like any other unavailable store.
      throw new ServiceError('STORE_UNAVAILABLE', 'errors.storeUnavailable', { file: this.file, reason: messageOf(error) });
    }
    this.connect();
    return { movedTo };
  }

  close(): void {
    this.connection?.close();
    this.connection = null;
    this.unavailableReason = 'closed';
  }

  private connect(): void {
    let db: Database | null = null;
    try {
      // Inside the try: a data folder that cannot be created (read-only disk, a file in the way, no permission)
      // is an unavailable store naming the file, like a corrupt one, not an exception at start.
      mkdirSync(dirname(this.file), { recursive: true });
      db = new DatabaseConstructor(this.file, { fileMustExist: false });
      // Integrity first: a garbage file fails here (SQLITE_NOTADB) before any pragma could write to it.
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
      configure(db);
      migrate(db, this.options.migrations ?? allMigrations);
      this.connection = db;
      this.unavailableReason = null;
    } catch (error) {
      db?.close();
      this.connection = null;
      this.unavailableReason = messageOf(error);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Durability over speed (DESIGN §7): a commit the UI called "saved" survives a power cut. */
function configure(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Bound the WAL: checkpoint every ~1000 pages and truncate the file back to 16 MiB after a checkpoint.
  db.pragma('wal_autocheckpoint = 1000');
  db.pragma('journal_size_limit = 16777216');
}
