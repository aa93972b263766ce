import type { Database } from 'better-sqlite3';

/**
 * A numbered, append-only schema step. Once released a migration is never edited: a change is a new number.
 * `up` runs inside the open-time transaction, so a failing step leaves the store exactly as it was.
 */
export interface Migration {
  id: number;
  name: string;
  up(db: Database): void;
}
