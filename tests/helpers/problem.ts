import { expect, it } from 'vitest';

/** The body of a validation problem (application/problem+json) as the error handler writes it. */
export interface FieldProblem {
  status: number;
  errors: { field: string }[];
}

/**
 * Asserts that `res` is a 400 whose problem body names `field` among its errors, and returns
 * the body. `problemJson` also asserts the content type, for suites that check it.
 */
export async function expectFieldError(res: Response, field: string, opts: { problemJson?: boolean } = {}): Promise<FieldProblem> {
  expect(res.status).toBe(400);
  if (opts.problemJson) expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  const body = (await res.json()) as FieldProblem;
  expect(body.errors.map((e) => e.field)).toContain(field);
  return body;
}

/**
 * One test per [request, field] of `cases`, named by `title` as it.each names them: the answer
 * to `get(request)` is a 400 naming the field (see expectFieldError); `also` checks more of it.
 */
export function itNamesTheField(
  title: string,
  get: (request: string) => Promise<Response>,
  cases: [request: string, field: string][],
  opts: { problemJson?: boolean; also?: (body: FieldProblem) => void } = {},
): void {
  it.each(cases)(title, async (request, field) => {
    const body = await expectFieldError(await get(request), field, opts);
    opts.also?.(body);
  });
}
