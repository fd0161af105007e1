import { REASONS, VULNERABILITIES } from '../../common/vocabulary.js';

/**
 * The rollup stores an observation's reason set and vulnerability set as bitmasks: bit i is
 * the i-th word of the vocabulary in common/vocabulary.ts. A set filter ("any of these") is then
 * `mask & wanted <> 0` — exact, because each rollup row holds exactly one set. Reordering a
 * vocabulary changes the bits: rebuild the rollup (refreshRollup with no scope) after that.
 */
export const MASK_VOCAB = { reasons: REASONS, vulnerabilities: VULNERABILITIES } as const;
export type MaskedSet = keyof typeof MASK_VOCAB;

export function maskOf(set: MaskedSet, words: readonly string[]): number {
  const vocab: readonly string[] = MASK_VOCAB[set];
  let mask = 0;
  for (const w of words) {
    const i = vocab.indexOf(w);
    if (i < 0) throw new Error(`${w} is not in the ${set} vocabulary`);
    mask |= 1 << i;
  }
  return mask;
}

export function wordsOf(set: MaskedSet, mask: number): string[] {
  return MASK_VOCAB[set].filter((_, i) => (mask & (1 << i)) !== 0);
}

/**
 * Every mask sharing a bit with `wanted`: `mask = ANY(these)` means the same as
 * `mask & wanted <> 0`, but an index led by the mask can serve it (migration 007).
 */
export function overlappingMasks(set: MaskedSet, wanted: number): number[] {
  const all = 1 << MASK_VOCAB[set].length;
  const out: number[] = [];
  for (let m = 1; m < all; m++) if ((m & wanted) !== 0) out.push(m);
  return out;
}

/**
 * Counts per word from counts per set: a group with reasons {trade, family} counts once under
 * each, so the words' counts can add up to more than the total (multi-valued dimension). Sets
 * may come as masks (rollup) or as arrays (raw table); an empty set counts under `none`.
 */
export function countWords(set: MaskedSet, rows: readonly { set: number | readonly string[]; n: number }[]): Map<string, number> {
  const out = new Map<string, number>([...MASK_VOCAB[set], 'none'].map((w) => [w, 0]));
  for (const { set: s, n } of rows) {
    const words = typeof s === 'number' ? wordsOf(set, s) : [...new Set(s)];
    if (words.length === 0) out.set('none', (out.get('none') ?? 0) + n);
    for (const w of words) out.set(w, (out.get(w) ?? 0) + n);
  }
  return out;
}
