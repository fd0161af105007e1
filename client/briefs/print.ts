import 'maplibre-gl/dist/maplibre-gl.css';
import './print.css';
import { getJson } from '../api.js';
import { placePicture } from './mapFrame.js';
import { buildSheet, drawCharts, fitSheet } from './sheet.js';
import type { BriefData } from '../../common/briefs.js';

/**
 * The print page (brief.html): the brief for the view and options in its query string, at
 * paper size. Headless Chromium on the server prints it (POST /api/v1/briefs); the composer
 * shows it in its preview. `window.__briefReady` turns true once everything is drawn, and
 * `__briefError` carries the reason when it cannot be.
 *
 * `?warm=1` (the server's warm print page, server/briefs/render.ts) draws nothing at load: it
 * prepares the map and waits for `__briefDraw(query)`, brief after brief in the same page, and
 * `__briefClear()` empties the page between them.
 */
type BriefWindow = Window & {
  __briefReady?: boolean;
  __briefError?: string;
  __briefWarm?: boolean;
  __briefDraw?: (search: string) => void;
  __briefClear?: () => Promise<void>;
};
const w = window as BriefWindow;

// Stage marks for the renderer's timings (server/briefs/render.ts); harmless in a preview.
const mark = (name: string) => performance.mark(`brief:${name}`);

async function draw(search: string): Promise<void> {
  performance.clearMarks();
  mark('start');
  const params = new URLSearchParams(search);
  const preview = params.get('preview') === '1';
  for (const k of ['render', 'preview', 'warm']) params.delete(k);
  const data = await getJson<BriefData>(`/api/v1/briefs/data?${params.toString()}`);
  mark('data');
  document.title = `${data.title} — Corridor brief`;
  const sheet = buildSheet(data);
  document.body.replaceChildren(sheet.root);
  if (preview) fitToWindow(sheet.root);
  drawCharts(sheet, data);
  fitSheet(sheet);
  mark('sheet');
  if (sheet.mapBox && sheet.mapFigure) {
    const { drawMap } = await import('./printMap.js');
    const picture = await drawMap(sheet.mapBox, data);
    placePicture(sheet.mapFigure, sheet.mapBox, picture, { flows: data.flows.flows.length > 0, plan: data.plan !== null });
    await sheet.mapBox.querySelector('img')?.decode();
    mark('picture');
  }
  w.__briefReady = true;
}

/** Preview: the whole sheet scaled to the frame's width (the composer sizes the frame). */
function fitToWindow(root: HTMLElement): void {
  const fit = () => {
    const scale = Math.min(1, window.innerWidth / root.offsetWidth);
    document.body.style.setProperty('--preview-scale', String(scale));
    document.body.classList.add('preview');
  };
  fit();
  window.addEventListener('resize', fit);
}

function failed(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  w.__briefError = message;
  const p = document.createElement('p');
  p.className = 'b-error';
  p.textContent = `The brief could not be drawn: ${message}`;
  document.body.replaceChildren(p);
}

if (new URLSearchParams(location.search).get('warm') === '1') {
  w.__briefDraw = (search) => {
    w.__briefReady = false;
    delete w.__briefError;
    draw(search).catch(failed);
  };
  w.__briefClear = async () => {
    w.__briefReady = false;
    delete w.__briefError;
    document.title = 'Corridor — map brief';
    document.body.replaceChildren();
    const { clearMap } = await import('./printMap.js');
    await clearMap();
  };
  import('./printMap.js')
    .then(({ prepareMap }) => prepareMap())
    .then(() => { w.__briefWarm = true; }, failed);
} else {
  draw(location.search).catch(failed);
}
