import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Queryable } from '../../server/db/index.js';
import { paths } from '../../server/paths.js';

/** docs/scale-out.md's layout table: the one declaration of distributed and reference tables. */
export interface Layout {
  distributed: Map<string, string>; // table → distribution column
  reference: Set<string>;
  /** Tables with a dataset_id that stay plain tables on the coordinator. */
  coordinator: Set<string>;
}

export function readLayout(): Layout {
  const doc = readFileSync(join(paths.root, 'docs/scale-out.md'), 'utf8');
  const block = /<!-- layout[^>]*-->([\s\S]*?)<!-- \/layout -->/.exec(doc)?.[1] ?? '';
  const layout: Layout = { distributed: new Map(), reference: new Set(), coordinator: new Set() };
  for (const m of block.matchAll(/^\|\s*`(\w+)`\s*\|\s*(distributed|reference|coordinator)\s*\|\s*(?:`(\w+)`)?\s*\|$/gm)) {
    if (m[2] === 'distributed') layout.distributed.set(m[1]!, m[3] ?? '');
    else (m[2] === 'reference' ? layout.reference : layout.coordinator).add(m[1]!);
  }
  return layout;
}

/** A Db that notes every statement (transactions included) under the current label. */
export function recording(db: Db): { db: Db; log: { label: string; text: string }[]; label: (l: string) => void } {
  const log: { label: string; text: string }[] = [];
  let current = '';
  const wrap = (q: Queryable): Queryable => ({
    query: (text, values) => (log.push({ label: current, text }), q.query(text, values)),
    exec: (text) => (log.push({ label: current, text }), q.exec(text)),
  });
  const top = wrap(db);
  return {
    db: {
      get kind() {
        return db.kind; // read late: `db` may be a suite handle, ready only in hooks and tests
      },
      query: top.query,
      exec: top.exec,
      transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
      close: () => db.close(),
    },
    log,
    label: (l) => (current = l),
  };
}

/** The text of the parenthesised level around `at` (the whole statement at the top). */
function levelAround(sql: string, at: number): { start: number; end: number } {
  let start = 0;
  for (let i = at, depth = 0; i >= 0; i--) {
    if (sql[i] === ')') depth++;
    else if (sql[i] === '(' && depth-- === 0) {
      start = i + 1;
      break;
    }
  }
  let end = sql.length;
  for (let i = at, depth = 0; i < sql.length; i++) {
    if (sql[i] === '(') depth++;
    else if (sql[i] === ')' && depth-- === 0) {
      end = i;
      break;
    }
  }
  return { start, end };
}

/**
 * A level's text without the subqueries nested in it (`(SELECT …)` reads `()`): its own select
 * list, joins, grouping and the arguments of its function calls, e.g. `coalesce(sum(total), 0)`.
 */
function ownText(sql: string, { start, end }: { start: number; end: number }): string {
  let out = '';
  for (let i = start; i < end; i++) {
    if (sql[i] === '(' && /^\(\s*(SELECT|WITH)\b/i.test(sql.slice(i, i + 12))) {
      const inner = levelAround(sql, i + 1);
      out += '()';
      i = inner.end;
      continue;
    }
    out += sql[i];
  }
  return out;
}

export interface Scan {
  table: string;
  /** The level that aggregates the scan (its own, or the nearest enclosing one that does), without nested subqueries. */
  level: string;
  /** The same level with its subqueries. */
  whole: string;
}

/**
 * Where a statement reads the given tables: for each `FROM|JOIN <table>`, the query level that
 * aggregates it (climbing out of plain row-level subqueries such as `(SELECT … FROM t WHERE …) o`).
 */
export function scansOf(sql: string, tables: Iterable<string>, aggregates: ReadonlySet<string>): Scan[] {
  const names = [...tables].join('|');
  const scans: Scan[] = [];
  for (const m of sql.matchAll(new RegExp(`\\b(?:FROM|JOIN)\\s+(${names})\\b`, 'gi'))) {
    let range = levelAround(sql, m.index);
    let level = ownText(sql, range);
    while (!/\bGROUP BY\b/i.test(level) && !calls(level).some((f) => aggregates.has(f)) && range.start > 0) {
      range = levelAround(sql, range.start - 2);
      level = ownText(sql, range);
    }
    scans.push({ table: m[1]!, level, whole: sql.slice(range.start, range.end) });
  }
  return scans;
}

/** Functions called in a text (`name(`), lower case. */
export function calls(text: string): string[] {
  return [...text.matchAll(/\b(\w+)\s*\(/g)].map((m) => m[1]!.toLowerCase());
}

/** Tables and views a text reads (`FROM x`, `JOIN x`; the queries never list tables with commas). */
export function readsOf(text: string): string[] {
  return [...text.matchAll(/\b(?:FROM|JOIN)\s+(\w+)/gi)].map((m) => m[1]!.toLowerCase());
}

/**
 * Distributed tables read beside `table` as legs of one `UNION ALL` whose legs select the same
 * columns, the distribution column `key` among them, from tables distributed on that column:
 * Citus pushes such a union of co-located tables down to the shards (the cubes' day parts,
 * server/query/sql.ts). Other tables are not partners.
 */
export function unionAllPartners(sql: string, table: string, key: string, distributed: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  for (const m of sql.matchAll(/SELECT ([^()]*?) FROM (\w+) WHERE [^]*?UNION ALL SELECT ([^()]*?) FROM (\w+) WHERE/gi)) {
    const [, a, ta, b, tb] = m as unknown as [string, string, string, string, string];
    if (norm(a) !== norm(b) || !norm(a).split(', ').includes(key)) continue;
    const partner = ta === table ? tb : tb === table ? ta : null;
    if (partner && distributed.get(partner) === key && distributed.get(table) === key) out.push(partner);
  }
  return out;
}
