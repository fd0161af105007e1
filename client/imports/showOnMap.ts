import { importsApi } from './api.js';
import { datasetMapHash } from './mapLink.js';

/**
 * Opens the flow map on a dataset's period and closes any open dialog: the hash change is
 * what the map and the flow view already follow.
 */
export async function showDatasetOnMap(id: number): Promise<boolean> {
  const { datasets } = await importsApi.datasets();
  const hash = datasetMapHash(datasets.find((d) => d.id === id) ?? { periodStart: null, periodEnd: null });
  if (!hash) return false;
  for (const d of document.querySelectorAll('dialog[open]')) (d as HTMLDialogElement).close();
  location.hash = hash;
  return true;
}

/**
 * `/?dataset=ID` (the `map` link of GET /imports/:id): show that dataset, then drop the query
 * so a reload or a shared link is the plain view it became.
 */
export async function openDatasetFromQuery(): Promise<void> {
  const url = new URL(location.href);
  const id = Number(url.searchParams.get('dataset'));
  if (!url.searchParams.has('dataset')) return;
  url.searchParams.delete('dataset');
  history.replaceState(history.state, '', url.href);
  if (Number.isInteger(id) && id > 0) await showDatasetOnMap(id);
}
