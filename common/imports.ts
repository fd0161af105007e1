/**
 * The imports contract (/api/v1/imports*, /datasets, /import-recipes): kinds, modes and
 * statuses, recipes, and the answers (import view, error report, preview, dry run, datasets).
 * Rows read from the database carry their dates as a parameter: Date on the server, ISO
 * strings in JSON (the default).
 */
export const IMPORT_KINDS = ['observations', 'reports', 'services', 'outreach_sites', 'monitoring_points', 'places', 'admin_areas', 'survey_respondents'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const RUNNING_STATUSES = ['queued', 'validating', 'writing'] as const;
export const FINAL_STATUSES = ['committed', 'unchanged', 'rejected', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof RUNNING_STATUSES)[number] | (typeof FINAL_STATUSES)[number];
export const isFinal = (s: ImportStatus): boolean => (FINAL_STATUSES as readonly string[]).includes(s);
export const DATE_FORMATS = ['dd/mm/yyyy', 'mm/dd/yyyy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A recipe's parts, on the whole file or one sheet (server/ingest/recipe.ts checks them). */
export interface RecipeParts {
  headerRows?: number | undefined;
  skipRows?: number | undefined;
  footerRows?: number | undefined;
  dateFormat?: DateFormat | undefined;
  /** field → column (header, HXL tag or letter). */
  columns?: Record<string, string> | undefined;
  sum?: Record<string, string[]> | undefined;
  /** field → column → member. */
  oneHot?: Record<string, Record<string, string>> | undefined;
  /** field → raw value → the word or name it means. */
  values?: Record<string, Record<string, string>> | undefined;
  constants?: Record<string, string | number | boolean | string[]> | undefined;
}

/** How a partner's file maps onto a kind. */
export interface Recipe extends RecipeParts {
  kind: ImportKind;
  sheets?: (RecipeParts & { name: string })[] | undefined;
}

export interface StoredRecipe<D = string> {
  id: number;
  name: string;
  kind: ImportKind;
  version: number;
  recipe: Recipe;
  createdBy: string;
  createdAt: D;
  /** When and by whom this version was made. */
  versionCreatedBy: string;
  versionCreatedAt: D;
}

/** Where a field is read from: a column, a constant, a sum of columns or one-hot columns. */
export type Source =
  | { k: 'col'; col: number }
  | { k: 'const'; value: string | number | boolean | string[] }
  | { k: 'sum'; cols: number[] }
  | { k: 'oneHot'; members: (readonly [col: number, word: string])[] };

export interface RowError {
  row: number;
  /** The column as the file names it (its header, else its HXL tag, else its letter), with the sheet when there are several. */
  column: string;
  field: string;
  value: string;
  code: string;
  reason: string;
  suggestions?: string[];
}

/** The same problem in the same column, however many rows have it. */
export interface ErrorGroup {
  column: string;
  code: string;
  /** The first occurrence's reason, as an example. */
  reason: string;
  count: number;
  /** The first rows that have it. */
  rows: number[];
  /** The first few values seen, with suggestions where there are any. */
  examples: { row: number; value: string; suggestions?: string[] }[];
}

export interface ErrorReport {
  /** Problems with the file as a whole: nothing was imported. */
  fileErrors: { code: string; message: string; row?: number; column?: string }[];
  /** Every row error counted, however many are listed. */
  totalErrors: number;
  rowsWithErrors: number;
  groups: ErrorGroup[];
  /** The first errors in file order. */
  errors: RowError[];
  /** True when groups or errors were cut to their caps (the counts above are still complete). */
  truncated: boolean;
  warnings: string[];
}

/** GET /imports/:id: status, progress, error report, links. */
export interface ImportView<D = string> {
  id: number;
  kind: ImportKind;
  mode: ImportMode;
  status: ImportStatus;
  file: { name: string; format: string | null; bytes: number; checksum: string };
  options: unknown;
  progress: { rowsRead: number; rowsValid: number; rowsRejected: number; rowsInserted: number; rowsSkipped: number; percent: number };
  datasetId: number | null;
  message: string | null;
  report: ErrorReport | null;
  createdBy: string;
  createdAt: D;
  finishedAt: D | null;
  links: { self: string; rejected?: string; datasets?: string; map?: string };
}

/** GET /datasets: provenance of every dataset, newest first. */
export interface DatasetInfo<D = string> {
  id: number;
  name: string;
  kind: ImportKind;
  sourceOrg: string | null;
  method: string | null;
  licence: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  checksum: string | null;
  rowsAccepted: number;
  rowsRejected: number;
  isSynthetic: boolean;
  importedAt: D;
  /** Shown to data managers only. */
  importedBy?: string | null;
  /** The stored recipes (name and version) its committed imports ran with. */
  recipes: { id: number; name: string; version: number }[];
}

export interface RawSheet {
  name: string;
  rows: { row: number; cells: string[] }[];
}

export interface SheetMapping {
  name: string;
  headerRow: number;
  columns: { letter: string; label: string }[];
  /** Each field and where it is read from (null: nowhere). */
  fields: { field: string; required: boolean; type: string; source: Source | null; choices?: readonly string[] }[];
  /** One-hot columns the headers suggest ('reasons/economic'): field → column label → member. */
  oneHot: Record<string, Record<string, string>>;
  missing: string[];
  warnings: string[];
}

export interface ValueList {
  field: string;
  values: { raw: string; count: number; value?: string; reason?: string; suggestions?: string[] }[];
  /** More distinct values than listed. */
  more: boolean;
}

/** POST /imports/preview: the kept upload, its first rows, and with a recipe how it maps. */
export interface Preview<D = string> {
  upload: { id: string; fileName: string; bytes: number; format: string; expiresAt: D };
  sheets: RawSheet[];
  mapping?: SheetMapping[];
  values?: ValueList[];
}

/** POST /imports with dryRun: what an import would do, nothing written. */
export interface DryRun {
  dryRun: true;
  /** Rejected when any row (all-or-nothing) or the file fails. */
  outcome: 'valid' | 'rejected';
  counts: { rowsRead: number; rowsValid: number; rowsRejected: number };
  /** The first rows as the records that would be written, or their errors; each field as it reads (`fields`) and as the file has it (`raw`). */
  rows: { sheet: string; row: number; fields: Record<string, string>; raw: Record<string, string>; record: Record<string, string | number | boolean | null> | null; errors: RowError[] }[];
  report: ErrorReport;
  /** The dataset this very file went into before: an import would add nothing. */
  sameFile: number | null;
}
