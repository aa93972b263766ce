import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface RegistryOpRow {
  op_id: string;
  device_id: string;
  seq: number;
  status: string;
  result: string;
}

/** What the registry process actually committed, read from its SQLite file (read-only, WAL lets it keep writing). */
export function registryOps(dataDir: string, deviceId?: string): RegistryOpRow[] {
  const db = new Database(join(dataDir, 'registry.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const sql = `SELECT op_id, device_id, seq, status, result FROM ops ${deviceId ? 'WHERE device_id = ?' : ''} ORDER BY device_id, seq`;
    return (deviceId ? db.prepare(sql).all(deviceId) : db.prepare(sql).all()) as RegistryOpRow[];
  } finally {
    db.close();
  }
}
