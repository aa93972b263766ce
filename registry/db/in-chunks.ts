/**
 * Runs `write` over `rows` a slice at a time, in order: multi-row inserts are far cheaper than one statement a row, but
 * a statement may bind only so many parameters (SQLite 32,766, PostgreSQL 65,535).
 */
export async function inChunks<T>(rows: readonly T[], perStatement: number, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += perStatement) await write(rows.slice(start, start + perStatement));
}
