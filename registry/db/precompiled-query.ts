import type { Compilable, CompiledQuery, QueryId, RootOperationNode } from 'kysely';
import type { RegistryDb } from './connection.js';

/** Stands where a value goes while the query is compiled; replaced by the caller's value on every run. */
class Slot {
  constructor(readonly name: string) {}
}

interface Template {
  sql: string;
  query: RootOperationNode;
  queryId: QueryId;
  parameters: readonly unknown[];
}

export type SlotOf<P> = <K extends keyof P & string>(name: K) => P[K];

export interface PrecompiledQuery<P, O> {
  /** Rows of a select. */
  rows(db: RegistryDb, values: P): Promise<O[]>;
  /** A write (its result is not needed). */
  run(db: RegistryDb, values: P): Promise<void>;
}

/**
 * A hot query of fixed shape, built and compiled by Kysely once per dialect instead of on every run: building and
 * compiling cost as much as SQLite executing a small query (a push applies ~9 queries per decision). The builder gets
 * `slot(name)` in place of each value that changes; constants in it stay constants. Variable shapes (`in` lists,
 * multi-row inserts) cannot be precompiled: their SQL text depends on the values.
 */
export function precompile<P, O>(build: (db: RegistryDb, slot: SlotOf<P>) => Compilable<O>): PrecompiledQuery<P, O> {
  // Keyed by the dialect's adapter object (a transaction shares its database's), so SQLite and PostgreSQL in one
  // process (the tests) each get their own SQL text.
  const templates = new WeakMap<object, Template>();

  function compiled(db: RegistryDb, values: P): CompiledQuery<O> {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      // slot() hands the builder a Slot where it expects a value of the column's type; Kysely binds any object as-is.
      const slot = ((name: string) => new Slot(name)) as unknown as SlotOf<P>;
      template = build(db, slot).compile();
      templates.set(adapter, template);
    }
    const parameters = template.parameters.map((parameter) => (parameter instanceof Slot ? values[parameter.name as keyof P] : parameter));
    return { sql: template.sql, query: template.query, queryId: template.queryId, parameters };
  }

  return {
    async rows(db, values) {
      return (await db.executeQuery(compiled(db, values))).rows;
    },
    async run(db, values) {
      await db.executeQuery(compiled(db, values));
    },
  };
}
