import { once } from 'node:events';
import type { Response } from 'express';
import { type CsvValue, csvLine } from '../http/csv.js';

export type ExportFormat = 'csv' | 'geojson';

/** A column of an export: its CSV header (also the GeoJSON property) and its HXL hashtag. */
export interface ExportColumn {
  name: string;
  hxl: string;
}

export type ExportRow = Record<string, CsvValue>;

/**
 * Streams an export as CSV (header row, then the HXL hashtag row, then data; UTF-8 with BOM so
 * Excel reads it) or as a GeoJSON FeatureCollection of points (RFC 7946; `metadata` is a
 * foreign member carrying the notes a CSV cannot). Rows are written as they come, with
 * back-pressure, so an export never builds the whole file in memory.
 */
export class ExportWriter {
  private first = true;

  constructor(
    private readonly res: Response,
    private readonly format: ExportFormat,
    private readonly columns: readonly ExportColumn[],
    private readonly meta: Record<string, unknown>,
  ) {}

  async begin(fileName: string): Promise<void> {
    const type = this.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json';
    this.res.type(type).attachment(`${fileName}.${this.format}`);
    if (this.format === 'csv') {
      await this.write(`\uFEFF${csvLine(this.columns.map((c) => c.name))}${csvLine(this.columns.map((c) => c.hxl))}`);
    } else {
      await this.write(`{"type":"FeatureCollection","metadata":${JSON.stringify(this.meta)},"features":[`);
    }
  }

  /** One row; lon/lat place the GeoJSON point (a row without them has a null geometry). */
  async row(r: ExportRow, lon: number | null, lat: number | null): Promise<void> {
    if (this.format === 'csv') {
      await this.write(csvLine(this.columns.map((c) => r[c.name])));
      return;
    }
    const properties = Object.fromEntries(this.columns.map((c) => [c.name, r[c.name] ?? null]));
    const geometry = lon === null || lat === null ? null : { type: 'Point', coordinates: [round6(lon), round6(lat)] };
    await this.write(`${this.first ? '' : ','}${JSON.stringify({ type: 'Feature', geometry, properties })}`);
    this.first = false;
  }

  async end(): Promise<void> {
    if (this.format === 'geojson') await this.write(']}');
    if (!this.res.destroyed) this.res.end();
  }

  /** The client went away: callers stop fetching rows. */
  get closed(): boolean {
    return this.res.destroyed;
  }

  private async write(text: string): Promise<void> {
    if (this.res.destroyed) return;
    if (!this.res.write(text)) await Promise.race([once(this.res, 'drain'), once(this.res, 'close')]);
  }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
