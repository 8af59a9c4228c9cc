import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CompiledQueries } from './compiled-queries.js';

interface Tables {
  item: { id: number; name: string; kind: string };
}

describe('CompiledQueries', () => {
  const dbs: Kysely<Tables>[] = [];
  const open = async () => {
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    dbs.push(db);
    await db.schema
      .createTable('item')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .addColumn('kind', 'text')
      .execute();
    return db;
  };
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.destroy();
  });

  it('runs the SQL compiled for a shape again with new parameters', async () => {
    const db = await open();
    const queries = new CompiledQueries();
    const insert = (rows: { id: number; name: string; kind: string }[]) =>
      queries.run(
        db,
        `insert:${rows.length}`,
        rows.flatMap((r) => [r.id, r.name, r.kind]),
        () => db.insertInto('item').values(rows),
      );
    await insert([
      { id: 1, name: 'a', kind: 'x' },
      { id: 2, name: 'b', kind: 'y' },
    ]);
    await insert([
      { id: 3, name: 'c', kind: 'x' },
      { id: 4, name: 'd', kind: 'x' },
    ]);
    // The second call reused the first one's SQL; a builder it would have called is never needed.
    const byKind = (kind: string, after: number) =>
      queries.run(db, 'by-kind', [kind, after], () =>
        db
          .selectFrom('item')
          .select(['id', 'name'])
          .where('kind', '=', kind)
          .where('id', '>', after)
          .orderBy('id'),
      );
    expect((await byKind('x', 0)).rows).toEqual([
      { id: 1, name: 'a' },
      { id: 3, name: 'c' },
      { id: 4, name: 'd' },
    ]);
    expect((await byKind('x', 1)).rows.map((r) => r.name)).toEqual(['c', 'd']);
    expect((await byKind('y', 0)).rows.map((r) => r.name)).toEqual(['b']);
  });

  it('refuses parameters given in another order than Kysely binds them', async () => {
    const db = await open();
    const queries = new CompiledQueries();
    await expect(
      queries.run(db, 'swapped', [0, 'x'], () =>
        db.selectFrom('item').selectAll().where('kind', '=', 'x').where('id', '>', 0),
      ),
    ).rejects.toMatchObject({ code: 'VEIL_ERR_STORE_QUERY_PARAMETERS' });
  });
});
