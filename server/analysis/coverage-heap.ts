/**
 * Binary max-heap of (score, site) pairs for lazy greedy. Ties pop the lowest
 * site first so lazy greedy breaks ties exactly as plain greedy does.
 * Typed arrays keep 2,000+ entries allocation-free while popping and re-pushing.
 */
export class SiteHeap {
  private readonly scores: Float64Array;
  private readonly sites: Int32Array;
  private length = 0;

  constructor(capacity: number) {
    this.scores = new Float64Array(capacity);
    this.sites = new Int32Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(score: number, site: number): void {
    let i = this.length++;
    this.scores[i] = score;
    this.sites[i] = site;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Site on top, or -1 when empty. */
  peekSite(): number {
    return this.length === 0 ? -1 : (this.sites[0] ?? -1);
  }

  pop(): void {
    if (this.length === 0) return;
    this.length--;
    this.move(this.length, 0);
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < this.length && this.above(left, best)) best = left;
      if (right < this.length && this.above(right, best)) best = right;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  private above(a: number, b: number): boolean {
    const sa = this.scores[a] ?? 0;
    const sb = this.scores[b] ?? 0;
    return sa > sb || (sa === sb && (this.sites[a] ?? 0) < (this.sites[b] ?? 0));
  }

  private move(from: number, to: number): void {
    this.scores[to] = this.scores[from] ?? 0;
    this.sites[to] = this.sites[from] ?? 0;
  }

  private swap(a: number, b: number): void {
    const s = this.scores[a] ?? 0;
    const t = this.sites[a] ?? 0;
    this.move(b, a);
    this.scores[b] = s;
    this.sites[b] = t;
  }
}
