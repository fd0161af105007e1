import { errorMessage, sendJson } from '../auth/http.js';
import { el } from '../panels/dom.js';
import type { Corridor } from '../../common/places.js';
import { placesApi } from '../places/api.js';

/**
 * The Data screen's corridors: the list every filter, the planner and the importer read. Data
 * managers add one (code, name, colour, districts) or remove one nothing uses; the server says
 * what uses a corridor it refuses to remove.
 */
export async function renderCorridors(root: HTMLElement, canWrite: boolean): Promise<void> {
  const notice = el('p', { class: 'admin-notice', role: 'status' });
  const title = el('h3', { class: 'admin-section-title' }, 'Corridors');
  let list: Corridor[];
  try {
    list = await placesApi.corridors();
  } catch (err) {
    root.replaceChildren(title, el('p', { class: 'admin-notice admin-notice--error' }, errorMessage(err)));
    return;
  }
  const fail = (err: unknown) => {
    notice.className = 'admin-notice admin-notice--error';
    notice.textContent = errorMessage(err);
  };
  const rows = list.map((c) => {
    const sw = el('span', { class: 'swatch swatch--area', 'aria-hidden': 'true' });
    sw.style.backgroundColor = c.colour;
    const actions = el('td', { class: 'admin-actions' });
    if (canWrite) {
      const del = el('button', { type: 'button', class: 'button button--small button--danger' }, 'Remove');
      del.addEventListener('click', () => {
        if (!confirm(`Remove the corridor “${c.name}”?`)) return;
        del.disabled = true;
        sendJson('DELETE', `/api/v1/corridors/${c.code}`).then(() => void renderCorridors(root, canWrite), (err: unknown) => {
          del.disabled = false;
          fail(err);
        });
      });
      actions.append(del);
    }
    return el('tr', { 'data-corridor': c.code }, el('th', { scope: 'row' }, sw, ` ${c.name}`), el('td', {}, el('code', {}, c.code)),
      el('td', {}, c.districts.join(', ') || '—'), el('td', {}, c.description ?? ''), actions);
  });
  const head = el('tr', {}, ...['Name', 'Code', 'Districts', 'Description', ''].map((h) => el('th', { scope: 'col' }, h)));
  const table = el('table', { class: 'admin-table corridors-table' }, el('thead', {}, head), el('tbody', {}, ...rows));
  root.replaceChildren(title, notice, table);
  if (canWrite) root.append(addForm(() => void renderCorridors(root, canWrite), fail));
}

function addForm(onDone: () => void, fail: (err: unknown) => void): HTMLFormElement {
  const input = (id: string, label: string, attrs: Record<string, string> = {}) =>
    el('div', { class: 'field' }, el('label', { for: id }, label), el('input', { id, name: id, ...attrs }));
  const form = el('form', { class: 'corridor-form', 'aria-label': 'Add a corridor' },
    input('cor-code', 'Code', { required: 'true', pattern: '[a-z][a-z0-9_]{0,39}', placeholder: 'chirundu', autocomplete: 'off' }),
    input('cor-name', 'Name', { required: 'true', maxlength: '100' }),
    input('cor-colour', 'Colour', { type: 'color', value: '#118844' }),
    input('cor-districts', 'Districts (comma-separated)', { placeholder: 'Chirundu, Lusaka' }),
    el('button', { type: 'submit', class: 'button button--small' }, 'Add corridor'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = (id: string) => (form.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
    const districts = v('cor-districts').split(',').map((s) => s.trim()).filter(Boolean);
    sendJson('POST', '/api/v1/corridors', { code: v('cor-code'), name: v('cor-name'), colour: v('cor-colour'), districts }).then(onDone, fail);
  });
  return form;
}
