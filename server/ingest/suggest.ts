import { countryNames } from '../../common/countries.js';
import type { Vocab } from './vocab.js';

/** Levenshtein edit distance (insert, delete, substitute = 1), two rows of memory. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

/** Lower case, accents dropped, punctuation as single spaces: 'Tunduma–Nakonde OSBP' → 'tunduma nakonde osbp'. */
export function nameKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface Candidate {
  /** What the suggestion shows (a name, with its code). */
  label: string;
  /** Keys it may be written as (name, code), already passed through nameKey. */
  keys: string[];
}

/**
 * The `limit` candidates closest to a value, closest first: distance to the nearest of each
 * candidate's keys, where a key that contains the value (or the value the key) counts as the
 * length difference, so 'Kazungula' finds 'Kazungula Bridge border post' before 'Kasungu'; ties go
 * to the longer common beginning.
 */
export function closest(value: string, candidates: readonly Candidate[], limit = 3): string[] {
  const v = nameKey(value);
  const scored = candidates.map((c) => {
    let best = Infinity;
    let prefix = 0;
    for (const k of c.keys) {
      const d = k.includes(v) || v.includes(k) ? Math.abs(k.length - v.length) * 0.5 : levenshtein(v, k);
      if (d < best) best = d;
      let p = 0;
      while (p < k.length && k.charCodeAt(p) === v.charCodeAt(p)) p++;
      if (p > prefix) prefix = p;
    }
    return { label: c.label, d: best, prefix };
  });
  // Ties go to the longer common beginning: 'Somaliland' is nearer Somalia than Mali.
  scored.sort((a, b) => a.d - b.d || b.prefix - a.prefix || a.label.localeCompare(b.label));
  return scored.slice(0, limit).map((s) => s.label);
}

let countries: Candidate[] | undefined;

/** The closest country names to a value: 'Ethopia' → 'Ethiopia (ETH)'. */
export function countrySuggestions(value: string): string[] {
  countries ??= countryNames().map(({ iso3, names }) => ({ label: `${names[0]} (${iso3})`, keys: [iso3.toLowerCase(), ...names.map(nameKey)] }));
  return closest(value, countries);
}

/** The closest words of a vocabulary (its synonyms lead to their word): 'Truck/Bus' → 'truck', 'bus'. */
export function vocabSuggestions(value: string, vocab: Vocab): string[] {
  const keys = new Map<string, string[]>(vocab.values.map((w) => [w, [nameKey(w)]]));
  for (const [syn, w] of Object.entries(vocab.synonyms)) keys.get(w)?.push(nameKey(syn));
  return closest(value, [...keys].map(([label, k]) => ({ label, keys: k })));
}
