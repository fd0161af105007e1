import type { Queryable } from '../db/index.js';
import { countryCode } from '../../common/countries.js';
import { type Candidate, closest, nameKey } from './suggest.js';
import { Invalid } from './values.js';
import { isTableVocab, type Vocab, type VocabName, VOCABS, vocabKey } from './vocab.js';

export interface PlaceRef {
  id: number;
  country: string;
}

/**
 * Known monitoring points and places, by code or name (case, accents and punctuation ignored).
 * Loaded once per import and used by both passes, so the second pass resolves exactly as the
 * first validated. Results are cached per raw value: a million rows name a few dozen places.
 */
export class Lookups {
  private readonly pointCache = new Map<string, number | Invalid>();
  private readonly placeCache = new Map<string, PlaceRef | Invalid>();

  private constructor(
    private readonly points: Map<string, number>,
    private readonly places: Map<string, PlaceRef>,
    private readonly pointCandidates: Candidate[],
    private readonly placeCandidates: Candidate[],
    private readonly corridors: Vocab,
  ) {}

  static async load(q: Queryable): Promise<Lookups> {
    const pts = await q.query<{ id: number; code: string; name: string }>('SELECT id, code, name FROM monitoring_points ORDER BY id');
    const pls = await q.query<{ id: number; code: string; name: string; country: string }>(
      'SELECT id, code, name, country FROM places ORDER BY id',
    );
    const points = new Map<string, number>();
    const places = new Map<string, PlaceRef>();
    // Codes first, then names; a later duplicate name never overrides an earlier entry.
    for (const p of pts) points.set(nameKey(p.code), p.id);
    for (const p of pts) if (!points.has(nameKey(p.name))) points.set(nameKey(p.name), p.id);
    for (const p of pls) places.set(nameKey(p.code), { id: p.id, country: p.country });
    for (const p of pls) if (!places.has(nameKey(p.name))) places.set(nameKey(p.name), { id: p.id, country: p.country });
    const cand = (r: { code: string; name: string }) => ({ label: `${r.name} (${r.code})`, keys: [nameKey(r.name), nameKey(r.code)] });
    // A corridor is written by its code or its name ('Chirundu' → chirundu).
    const corridors = await q.query<{ code: string; name: string }>('SELECT code, name FROM corridors ORDER BY code');
    const corridorVocab = { values: corridors.map((c) => c.code), synonyms: Object.fromEntries(corridors.map((c) => [vocabKey(c.name), c.code])) };
    return new Lookups(points, places, pts.map(cand), pls.map(cand), corridorVocab);
  }

  /** A vocabulary: the fixed ones of vocab.ts, or a table's as it was when the import began. */
  vocab(name: VocabName): Vocab {
    return isTableVocab(name) ? this.corridors : VOCABS[name];
  }

  point(value: string): number | Invalid {
    let hit = this.pointCache.get(value);
    if (hit === undefined) {
      hit = this.points.get(nameKey(value)) ?? new Invalid('point.unknown', 'is not a known monitoring point', closest(value, this.pointCandidates));
      this.pointCache.set(value, hit);
    }
    return hit;
  }

  place(value: string): PlaceRef | Invalid {
    let hit = this.placeCache.get(value);
    if (hit === undefined) {
      hit = this.places.get(nameKey(value)) ?? new Invalid('place.unknown', 'is not a known place', closest(value, this.placeCandidates));
      this.placeCache.set(value, hit);
    }
    return hit;
  }

  /** A place, or a country where only the country is known ('ETH', 'Ethiopia'). */
  placeOrCountry(value: string): PlaceRef | { id: null; country: string } | Invalid {
    const p = this.place(value);
    if (!(p instanceof Invalid)) return p;
    const iso = countryCode(value);
    if (iso !== undefined) return { id: null, country: iso };
    return new Invalid('place.unknown', 'is neither a known place nor a country (name or ISO3 code)', p.suggestions);
  }
}
