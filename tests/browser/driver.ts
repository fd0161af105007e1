import type { Page } from 'playwright-core';
import type { Rgb } from '../../client/layers/colors.js';

/**
 * User-level actions and canvas read-back for the map tests, so specs read as what a
 * user does and sees (the driver pattern from maputnik's e2e tests).
 */
export interface ColorTarget {
  name: string;
  rgb: Rgb;
}

export interface CanvasStats {
  width: number;
  height: number;
  /** Pixels within tolerance of each target colour. */
  counts: Record<string, number>;
  /** A pixel deep inside the largest blob of each colour (null when absent), in CSS px of the canvas. */
  inside: Record<string, [number, number] | null>;
}

/** Count only pixels at least `radius` CSS px from (x, y): what is drawn away from a symbol. */
export interface Away {
  x: number;
  y: number;
  radius: number;
}

/**
 * Copies MapLibre's WebGL canvas (deck.gl draws into it: interleaved mode) to a 2D canvas
 * in the page and counts pixels per colour. Works because the map is created with
 * preserveDrawingBuffer, which exports need anyway.
 */
export function readCanvas(page: Page, targets: ColorTarget[], tolerance = 6, away?: Away): Promise<CanvasStats> {
  return page.evaluate(
    ({ targets, tolerance, away }) => {
      const src = document.querySelector<HTMLCanvasElement>('#map canvas.maplibregl-canvas');
      if (!src) throw new Error('no map canvas');
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      const ctx = copy.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(src, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, copy.width, copy.height);
      const scale = src.width / src.clientWidth;
      const counts: Record<string, number> = {};
      const inside: Record<string, [number, number] | null> = {};
      for (const t of targets) {
        const hit = new Uint8Array(width * height);
        let n = 0;
        for (let i = 0; i < width * height; i++) {
          const o = i * 4;
          if (away && Math.hypot((i % width) / scale - away.x, Math.floor(i / width) / scale - away.y) < away.radius) continue;
          if (
            Math.abs((data[o] ?? 0) - t.rgb[0]) <= tolerance &&
            Math.abs((data[o + 1] ?? 0) - t.rgb[1]) <= tolerance &&
            Math.abs((data[o + 2] ?? 0) - t.rgb[2]) <= tolerance
          ) {
            hit[i] = 1;
            n++;
          }
        }
        counts[t.name] = n;
        // The hit pixel with the most hits around it is the middle of a symbol, not its rim.
        let best: [number, number] | null = null;
        let bestScore = 0;
        if (n > 0 && n < 50_000) {
          for (let i = 0; i < width * height; i++) {
            if (!hit[i]) continue;
            const x = i % width;
            const y = (i - x) / width;
            let score = 0;
            for (let dy = -4; dy <= 4; dy++) {
              for (let dx = -4; dx <= 4; dx++) {
                const xx = x + dx;
                const yy = y + dy;
                if (xx >= 0 && yy >= 0 && xx < width && yy < height) score += hit[yy * width + xx] ?? 0;
              }
            }
            if (score > bestScore) {
              bestScore = score;
              best = [x / scale, y / scale];
            }
          }
        }
        inside[t.name] = best;
      }
      return { width, height, counts, inside };
    },
    { targets: targets.map((t) => ({ name: t.name, rgb: [...t.rgb] as [number, number, number] })), tolerance, away },
  );
}

/** Clicks the map at a point in canvas CSS pixels. */
export async function clickMap(page: Page, [x, y]: [number, number]): Promise<void> {
  const box = await page.locator('#map canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('map canvas not visible');
  await page.mouse.click(box.x + x, box.y + y);
}

/** The `v=` part of the URL hash as numbers. */
export async function viewInUrl(page: Page): Promise<[number, number, number] | null> {
  const hash = await page.evaluate(() => location.hash);
  const v = new URLSearchParams(hash.slice(1)).get('v');
  if (!v) return null;
  const parts = v.split(',').map(Number);
  return parts.length === 3 ? (parts as [number, number, number]) : null;
}

/** Clicks a named view button and waits until the URL reflects the new view and the map is drawn. */
export async function goToView(page: Page, label: string, expectLatLon: [number, number]): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.waitForFunction(
    ([lat, lon]) => {
      const v = new URLSearchParams(location.hash.slice(1)).get('v')?.split(',').map(Number);
      return !!v && Math.abs((v[0] ?? 0) - lat) < 0.01 && Math.abs((v[1] ?? 0) - lon) < 0.01;
    },
    expectLatLon,
    { timeout: 60_000, polling: 100 },
  );
}

/** Where MapLibre draws lon/lat with the view in the URL (Web Mercator, 512-px tiles). */
export async function screenOf(page: Page, lon: number, lat: number): Promise<[number, number]> {
  const v = await viewInUrl(page);
  const box = await page.locator('#map canvas.maplibregl-canvas').boundingBox();
  if (!v || !box) throw new Error('no view or canvas');
  const scale = 512 * 2 ** v[2];
  const mx = (x: number) => ((x + 180) / 360) * scale;
  const my = (y: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (y * Math.PI) / 360)) / Math.PI) / 2) * scale;
  return [box.width / 2 + mx(lon) - mx(v[1]), box.height / 2 + my(lat) - my(v[0])];
}
