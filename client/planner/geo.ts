/** Pure distance wording for the planner (unit-tested; no map, no DOM). */

/** "0.6 km from Nakonde market 2": the closest named site, so a hotspot list reads as places. */
export function nearestName(lon: number, lat: number, named: { name: string; lon: number; lat: number }[]): string {
  let best: { name: string; km: number } | null = null;
  for (const n of named) {
    // Equirectangular distance: exact enough within a corridor, and only used for wording.
    const x = ((n.lon - lon) * Math.PI) / 180 * Math.cos((((n.lat + lat) / 2) * Math.PI) / 180);
    const y = ((n.lat - lat) * Math.PI) / 180;
    const km = Math.hypot(x, y) * 6371;
    if (!best || km < best.km) best = { name: n.name, km };
  }
  return best ? `${best.km.toFixed(1)} km from ${best.name}` : '';
}
