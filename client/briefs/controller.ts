import './composer.css';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { ApiError, readProblem, request } from '../api.js';
import { errorMessage } from '../auth/http.js';
import { el } from '../panels/dom.js';
import type { Store } from '../state.js';
import { briefAwareness, briefBody, briefQuery, briefView, type BriefOptions } from './request.js';
import { DEFAULT_SECTIONS, type Orientation, ORIENTATIONS, type Paper, PAPERS, type Section, SECTIONS } from '../../common/briefs.js';

/**
 * The brief composer (issue 8): a "Brief" button in the header opens a dialog that starts
 * from the current view (URL state), with a live preview of the print page and downloads.
 */
interface BriefsContext {
  map: MapLibreMap;
  store: Store;
}

const SECTION_LABELS: Record<Section, string> = {
  map: 'Map', figures: 'Key figures', timeseries: 'Time series', breakdown: 'Breakdown chart', corridors: 'Top corridors', districts: 'By district',
  hotspots: 'Top hot spots', gaps: 'Top access gaps', alerts: 'Alerts in the period', awareness: 'Awareness', notes: 'Notes',
};

function field(label: string, control: HTMLElement): HTMLElement {
  return el('label', { class: 'brief-field' }, el('span', {}, label), control);
}

function select<T extends string>(name: string, values: readonly T[], initial: T): HTMLSelectElement {
  const s = el('select', { name }, ...values.map((v) => el('option', { value: v, selected: v === initial }, v)));
  s.value = initial;
  return s;
}

export function startBriefs(ctx: BriefsContext): void {
  const header = document.querySelector('.app-header');
  const button = el('button', { type: 'button', class: 'view-button brief-open', id: 'brief-open' }, 'Brief');
  header?.insertBefore(button, document.getElementById('user-menu'));

  const title = el('input', { name: 'title', type: 'text', maxlength: '120', value: 'Mixed-migration flows brief' });
  const subtitle = el('input', { name: 'subtitle', type: 'text', maxlength: '200' });
  const notes = el('textarea', { name: 'notes', rows: '3', maxlength: '2000' });
  const paper = select<Paper>('paper', PAPERS, 'A4');
  const orientation = select<Orientation>('orientation', ORIENTATIONS, 'portrait');
  // The analyses take a few seconds more: asked for, not on by default (DEFAULT_SECTIONS).
  const boxes = SECTIONS.map((id) => {
    const box = el('input', { type: 'checkbox', name: 'section', value: id, checked: DEFAULT_SECTIONS.includes(id) });
    return { id, box, node: el('label', { class: 'brief-check' }, box, SECTION_LABELS[id]) };
  });
  const preview = el('iframe', { class: 'brief-preview', title: 'Preview of the brief' });
  const status = el('p', { class: 'brief-status', role: 'status', 'aria-live': 'polite' });
  const pdf = el('button', { type: 'button', id: 'brief-pdf' }, 'Download PDF');
  const png = el('button', { type: 'button', id: 'brief-png' }, 'Download PNG');
  const pack = el('a', { class: 'brief-pack', id: 'brief-pack', href: '#', download: '' }, 'Download data pack');
  const close = el('button', { type: 'button', class: 'brief-close' }, 'Close');
  const form = el(
    'form', { class: 'brief-form' },
    field('Title', title), field('Subtitle', subtitle),
    el('fieldset', { class: 'brief-sections' }, el('legend', {}, 'Sections'), ...boxes.map((b) => b.node)),
    el('div', { class: 'brief-row' }, field('Paper', paper), field('Orientation', orientation)),
    field('Notes', notes),
    el('div', { class: 'brief-actions' }, pdf, png, pack, close),
    status,
  );
  const dialog = el('dialog', { class: 'brief-dialog', 'aria-label': 'Compose a map brief' }, el('h2', {}, 'Map brief'), el('div', { class: 'brief-grid' }, form, preview));
  document.body.append(dialog);

  const options = (): BriefOptions => ({
    title: title.value.trim(), subtitle: subtitle.value.trim(), notes: notes.value.trim(),
    sections: boxes.filter((b) => b.box.checked).map((b) => b.id),
    paper: paper.value as Paper, orientation: orientation.value as Orientation,
    awareness: briefAwareness(ctx.store.get()),
  });
  const view = () => briefView(ctx.store.get(), ctx.map.getContainer().clientWidth, options());
  let timer: number | undefined;
  const refresh = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const q = briefQuery(view(), options());
      preview.src = `/brief.html?${q}&preview=1`;
      // The data pack is a plain GET (session cookie): the figures and layers as HXL CSV + GeoJSON.
      pack.href = `/api/v1/briefs/pack?${q}`;
      preview.classList.toggle('landscape', orientation.value === 'landscape');
    }, 400);
  };
  form.addEventListener('input', refresh);
  form.addEventListener('submit', (e) => e.preventDefault());
  button.addEventListener('click', () => {
    dialog.showModal();
    refresh();
  });
  close.addEventListener('click', () => dialog.close());

  const download = async (format: 'pdf' | 'png', btn: HTMLButtonElement) => {
    btn.disabled = true;
    status.textContent = `Rendering the ${format.toUpperCase()} on the server…`;
    try {
      const res = await request(`/api/v1/briefs?format=${format}`, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: format === 'pdf' ? 'application/pdf' : 'image/png' },
        body: JSON.stringify(briefBody(view(), options())),
      });
      if (!res.ok) throw new ApiError(res.status, await readProblem(res), '/api/v1/briefs');
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `corridor-brief.${format}`;
      const url = URL.createObjectURL(await res.blob());
      const a = el('a', { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      status.textContent = `Downloaded ${name}.`;
    } catch (err) {
      status.textContent = errorMessage(err);
    } finally {
      btn.disabled = false;
    }
  };
  pdf.addEventListener('click', () => void download('pdf', pdf));
  png.addEventListener('click', () => void download('png', png));
}
