/**
 * Indexing a survey's sampling design once — strata, PSUs, weights — and its domains (district,
 * sex, age band) once per by-variable, so that every indicator is then estimated for every
 * domain in one pass over typed arrays (survey.ts). Pure; no I/O.
 */

export interface SurveyDesignRow {
  /** Sampling weight: finite and > 0. */
  weight: number;
  /** Rows without a stratum form one stratum together. */
  stratum?: string;
  /** Primary sampling unit (cluster), read within its stratum; a row without one is its own PSU. */
  psu?: string;
}

export interface SurveyDesign {
  readonly rowCount: number;
  readonly weight: Float64Array;
  /** Row → PSU index. */
  readonly psuOf: Int32Array;
  /** PSU → stratum index. */
  readonly stratumOfPsu: Int32Array;
  /** Stratum → number of PSUs in the design (n_h). */
  readonly psusInStratum: Int32Array;
  /** Stratum names, for messages; "(no stratum)" for the rows without one. */
  readonly strata: readonly string[];
  readonly psuCount: number;
  /** Design degrees of freedom: PSUs − strata (R's degf of the full design). */
  readonly df: number;
}

/**
 * Indexes the design. PSU labels are nested in strata (R's svydesign(nest = TRUE)): cluster "1"
 * of Sesheke and cluster "1" of Nakonde are different PSUs, as Kobo cluster numbers often restart
 * per district. Throws on a weight that is not finite and > 0, naming the row.
 */
export function surveyDesign(rows: readonly SurveyDesignRow[]): SurveyDesign {
  const n = rows.length;
  const weight = new Float64Array(n);
  const psuOf = new Int32Array(n);
  const strataIndex = new Map<string | undefined, number>();
  const psuIndex = new Map<string, number>();
  const stratumOfPsu: number[] = [];
  const strata: string[] = [];
  for (let r = 0; r < n; r++) {
    const row = rows[r] as SurveyDesignRow;
    if (!(Number.isFinite(row.weight) && row.weight > 0)) throw new RangeError(`rows[${r}].weight must be finite and > 0, got ${row.weight}`);
    weight[r] = row.weight;
    const stratum = row.stratum ?? undefined; // a null from the database is "no stratum" too
    let h = strataIndex.get(stratum);
    if (h === undefined) {
      h = strata.length;
      strataIndex.set(stratum, h);
      strata.push(stratum ?? '(no stratum)');
    }
    const key = row.psu == null ? undefined : `${h}\u0000${row.psu}`;
    let p = key === undefined ? undefined : psuIndex.get(key);
    if (p === undefined) {
      p = stratumOfPsu.length;
      stratumOfPsu.push(h);
      if (key !== undefined) psuIndex.set(key, p);
    }
    psuOf[r] = p;
  }
  const psusInStratum = new Int32Array(strata.length);
  for (const h of stratumOfPsu) psusInStratum[h] = (psusInStratum[h] ?? 0) + 1;
  const psuCount = stratumOfPsu.length;
  return { rowCount: n, weight, psuOf, stratumOfPsu: Int32Array.from(stratumOfPsu), psusInStratum, strata, psuCount, df: psuCount - strata.length };
}

/**
 * A by-variable's domains over a design: each row's domain, and "cells" — one per (domain, PSU)
 * that has a row of the domain — numbered so that a domain's cells are contiguous and, within
 * it, grouped by stratum. PSUs of the design with no row in a domain are not cells: their total
 * in that domain is zero, and the variance counts them as such (n_h comes from the design).
 */
export interface SurveyDomains {
  readonly names: readonly string[];
  /** Row → domain index, −1 for a row in no domain (key null or undefined). */
  readonly domainOf: Int32Array;
  /** Row → cell index, −1 for a row in no domain. */
  readonly cellOf: Int32Array;
  /** Cell → PSU index. */
  readonly cellPsu: Int32Array;
  /** Domain d's cells are cellStart[d] … cellStart[d + 1] − 1. */
  readonly cellStart: Int32Array;
}

/** Indexes domains once per by-variable; keys[r] is row r's domain (null: in none). */
export function surveyDomains(design: SurveyDesign, keys: readonly (string | null | undefined)[]): SurveyDomains {
  if (keys.length !== design.rowCount) throw new RangeError(`domain keys: expected ${design.rowCount}, got ${keys.length}`);
  const names: string[] = [];
  const index = new Map<string, number>();
  const domainOf = new Int32Array(design.rowCount).fill(-1);
  const cellKey = new Map<number, number>(); // d·P + psu → provisional cell
  const provisionalOf = new Int32Array(design.rowCount).fill(-1);
  const cellDomain: number[] = [];
  const cellPsu: number[] = [];
  const P = design.psuCount;
  for (let r = 0; r < design.rowCount; r++) {
    const key = keys[r];
    if (key === null || key === undefined) continue;
    let d = index.get(key);
    if (d === undefined) {
      index.set(key, (d = names.length));
      names.push(key);
    }
    domainOf[r] = d;
    const psu = design.psuOf[r] ?? 0;
    let c = cellKey.get(d * P + psu);
    if (c === undefined) {
      cellKey.set(d * P + psu, (c = cellDomain.length));
      cellDomain.push(d);
      cellPsu.push(psu);
    }
    provisionalOf[r] = c;
  }
  // Renumber cells by (domain, stratum) so the variance is one sequential sweep.
  const order = cellDomain.map((_, c) => c);
  const stratumOf = (c: number) => design.stratumOfPsu[cellPsu[c] ?? 0] ?? 0;
  order.sort((a, b) => (cellDomain[a] ?? 0) - (cellDomain[b] ?? 0) || stratumOf(a) - stratumOf(b) || a - b);
  const renumber = new Int32Array(order.length);
  order.forEach((c, i) => (renumber[c] = i));
  const cellOf = provisionalOf.map((c) => (c < 0 ? -1 : (renumber[c] ?? -1)));
  const cellStart = new Int32Array(names.length + 1);
  for (const d of cellDomain) cellStart[d + 1] = (cellStart[d + 1] ?? 0) + 1;
  for (let d = 0; d < names.length; d++) cellStart[d + 1] = (cellStart[d + 1] ?? 0) + (cellStart[d] ?? 0);
  return { names, domainOf, cellOf, cellPsu: Int32Array.from(order, (c) => cellPsu[c] ?? 0), cellStart };
}
