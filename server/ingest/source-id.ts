import { createHash } from 'node:crypto';

/**
 * Source row ids within one file. With an id column, the file's own ids: a repeat is an error
 * naming the first row. Without one, an id derived from the row's content plus its occurrence
 * number, so two identical groups in one file stay two rows and a re-import of the same rows
 * (this file, or a later and longer export) still finds them.
 */
export class SourceIds {
  private readonly seen = new Map<string, number>();

  /** The derived id of a row, from the texts of its mapped cells. */
  derive(texts: readonly string[]): string {
    const h = createHash('sha1');
    for (const t of texts) h.update(t).update('\u001f');
    const base = `h:${h.digest('base64url').slice(0, 20)}`;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }

  /** The row that had this id first; undefined the first time (and the row is remembered). */
  firstRow(id: string, row: number): number | undefined {
    const first = this.seen.get(id);
    if (first === undefined) this.seen.set(id, row);
    return first;
  }
}
