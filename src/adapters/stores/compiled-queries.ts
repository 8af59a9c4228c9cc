import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import { VeilError } from '../../core/errors.js';

/**
 * SQL text compiled once per query shape, then run with fresh parameters. Building a Kysely query
 * and compiling it costs more CPU than SQLite takes to run the gateway's small hot statements
 * (profiled at about a tenth of the gateway's CPU); the SQL of a shape never changes, only its
 * parameters do.
 *
 * The caller gives the parameters in binding order. The first run of each shape compiles the query
 * with those same values and checks that Kysely binds exactly that list, so a wrong order fails at
 * once, in the tests, instead of binding values to the wrong columns later.
 */
/** A Kysely instance or transaction. */
export interface QueryRunner {
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

export class CompiledQueries {
  readonly #sql = new Map<string, string>();

  /** `shape` names the SQL text: include anything that changes it (e.g. the number of rows). */
  async run<R>(
    db: QueryRunner,
    shape: string,
    parameters: readonly unknown[],
    build: () => Compilable<R>,
  ): Promise<QueryResult<R>> {
    const sql = this.#sql.get(shape);
    if (sql !== undefined) return db.executeQuery<R>(CompiledQuery.raw(sql, [...parameters]));
    const compiled = build().compile();
    const same =
      compiled.parameters.length === parameters.length &&
      compiled.parameters.every((value, i) => value === parameters[i]);
    if (!same)
      throw new VeilError(
        'VEIL_ERR_STORE_QUERY_PARAMETERS',
        'unexpected',
        `compiled query "${shape}": parameters not in Kysely's binding order`,
        { shape },
      );
    this.#sql.set(shape, compiled.sql);
    return db.executeQuery(compiled);
  }
}
