/**
 * Greedy placement of monitoring-point names so they neither overlap each other nor sit
 * on another point (crossings cluster: three within 3 km at Sesheke). Pure: screen
 * positions come from Web Mercator at the given zoom, text size from a width estimate.
 * The first-placed (highest priority) wins; a name with no free spot is left out and
 * shows after zooming in further (its popup always has it).
 */
export interface LabelItem {
  id: string;
  lon: number;
  lat: number;
  text: string;
  /** Symbol radius in px: the label keeps clear of it. */
  radius: number;
}

interface Placement {
  anchor: 'start' | 'middle' | 'end';
  baseline: 'top' | 'center' | 'bottom';
  offset: [number, number];
}

export interface TextMetrics {
  fontPx: number;
  /** Wrap width in px (TextLayer maxWidth × size). */
  maxWidthPx: number;
  lineHeightPx: number;
  /** Average glyph advance as a share of the font size (≈0.6 for bold sans). */
  charWidth: number;
}

export type Box = [x0: number, y0: number, x1: number, y1: number];

/** Web Mercator world pixels at `zoom` for 512-px tiles (MapLibre's convention). */
export function project(lon: number, lat: number, zoom: number): [number, number] {
  const size = 512 * Math.pow(2, zoom);
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size];
}

export function textSize(text: string, m: TextMetrics): [number, number] {
  const full = text.length * m.charWidth * m.fontPx;
  const lines = Math.max(1, Math.ceil(full / m.maxWidthPx));
  return [Math.min(full, m.maxWidthPx), lines * m.lineHeightPx];
}

const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

function candidates(r: number, gap: number): Placement[] {
  const d = r + gap;
  return [
    { anchor: 'start', baseline: 'center', offset: [d, 0] },
    { anchor: 'end', baseline: 'center', offset: [-d, 0] },
    { anchor: 'middle', baseline: 'top', offset: [0, d] },
    { anchor: 'middle', baseline: 'bottom', offset: [0, -d] },
  ];
}

export function boxOf(x: number, y: number, p: Placement, [w, h]: [number, number]): Box {
  const x0 = p.anchor === 'start' ? x + p.offset[0] : p.anchor === 'end' ? x + p.offset[0] - w : x - w / 2;
  const y0 = p.baseline === 'top' ? y + p.offset[1] : p.baseline === 'bottom' ? y + p.offset[1] - h : y - h / 2;
  return [x0, y0, x0 + w, y0 + h];
}

/** `obstacles`: boxes already drawn (e.g. town names), in the same world pixels as project(). */
export function placeLabels(
  items: readonly LabelItem[],
  zoom: number,
  m: TextMetrics,
  obstacles: readonly Box[] = [],
  gap = 4,
): Map<string, Placement> {
  const pts = items.map((it) => ({ it, xy: project(it.lon, it.lat, zoom) }));
  const taken: Box[] = pts.map(({ it, xy: [x, y] }) => [x - it.radius, y - it.radius, x + it.radius, y + it.radius]);
  taken.push(...obstacles);
  const out = new Map<string, Placement>();
  pts.forEach(({ it, xy: [x, y] }, i) => {
    const size = textSize(it.text, m);
    for (const p of candidates(it.radius, gap)) {
      const b = boxOf(x, y, p, size);
      const padded: Box = [b[0] - gap, b[1] - gap, b[2] + gap, b[3] + gap];
      if (taken.some((t, j) => j !== i && overlaps(padded, t))) continue;
      taken.push(b);
      out.set(it.id, p);
      return;
    }
  });
  return out;
}
