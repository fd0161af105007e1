import { importsApi } from './api.js';
import { datasetMapHash } from './mapLink.js';

/** Opens an app link in the map (urlHash.ts: a new history entry, as a followed link makes). */
export type Navigate = (hash: string) => void;

/** Opens the flow map on a dataset's period and closes any open dialog. */
export async function showDatasetOnMap(id: number, navigate: Navigate): Promise<boolean> {
  const { datasets } = await importsApi.datasets();
  const hash = datasetMapHash(datasets.find((d) => d.id === id) ?? { periodStart: null, periodEnd: null });
  if (!hash) return false;
  for (const d of document.querySelectorAll('dialog[open]')) (d as HTMLDialogElement).close();
  navigate(hash);
  return true;
}

/**
 * `/?dataset=ID` (the `map` link of GET /imports/:id): show that dataset, then drop the query
 * so a reload or a shared link is the plain view it became.
 */
export async function openDatasetFromQuery(navigate: Navigate): Promise<void> {
  const url = new URL(location.href);
  const id = Number(url.searchParams.get('dataset'));
  if (!url.searchParams.has('dataset')) return;
  url.searchParams.delete('dataset');
  history.replaceState(history.state, '', url.href);
  if (Number.isInteger(id) && id > 0) await showDatasetOnMap(id, navigate);
}
