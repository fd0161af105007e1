/**
 * A problem with the file as a whole (empty, unreadable, missing a required column): nothing
 * in it can be imported, in either mode. `row` is set when one place in the file is to blame.
 */
export class FileError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(message);
  }

  /** Set when this error (and its siblings) were already added to the report, in file order. */
  reported = false;
}
