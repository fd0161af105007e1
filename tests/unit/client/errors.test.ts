import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError, request } from '../../../client/api.js';
import { errorMessage } from '../../../client/auth/http.js';
import { createStatus } from '../../../client/panels/status.js';

// Nothing listens on port 1: the connection is refused, as with a server that is down.
const NOBODY = 'http://127.0.0.1:1/api/v1/flows';

afterEach(() => vi.restoreAllMocks());

describe('what went wrong, in words a person can act on', () => {
  it('when the server cannot be reached, then the request fails with a NetworkError and the message says to check the connection', async () => {
    const err = await request(NOBODY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(errorMessage(err)).toBe('The server could not be reached. Check the connection and try again.');
  });

  it('when a request is cancelled, then it stays an abort (not a network failure)', async () => {
    const ac = new AbortController();
    ac.abort();
    const err = await request(NOBODY, { signal: ac.signal }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(NetworkError);
    expect((err as Error).name).toBe('AbortError');
  });

  it('when the server answers with a problem, then its detail is shown and the connection is not blamed', () => {
    const err = new ApiError(500, { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'the flow rollups are being rebuilt' }, '/api/v1/flows');
    expect(errorMessage(err)).toBe('The flow rollups are being rebuilt.');
    expect(errorMessage(new ApiError(502, null, '/api/v1/flows'))).toBe('The server answered 502.');
  });

  it('when the page itself fails, then the message says so, neutrally, and the fault goes to the console', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bug = new TypeError("Cannot read properties of undefined (reading 'features')");
    expect(errorMessage(bug)).toBe('Something went wrong in the page. Reload it and try again.');
    expect(logged).toHaveBeenCalledWith(expect.any(String), bug);
  });
});

/** The few properties of the status element createStatus writes. */
function fakeNode() {
  return { textContent: '' as string | null, hidden: true, classList: { toggle: () => true } };
}

describe('the load status line', () => {
  it('when a request is replaced by a newer one of the same name, then the abort is no failure and it still says loading', () => {
    const node = fakeNode();
    const status = createStatus(node as unknown as HTMLElement);
    status.loading('movements');
    status.loading('movements');
    status.failed('movements', new DOMException('replaced', 'AbortError'));
    expect(node.textContent).toBe('Loading movements…');
    status.done('movements');
    expect(node.textContent).toBe('');
    expect(node.hidden).toBe(true);
  });

  it('when a load fails, then the line names it with the reason from errorMessage', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const node = fakeNode();
    const status = createStatus(node as unknown as HTMLElement);
    status.loading('movements');
    status.failed('movements', new ApiError(400, { type: 'about:blank', title: 'Bad Request', status: 400, errors: [{ field: 'from', message: 'not a date' }] }, '/api/v1/flows'));
    expect(node.textContent).toBe('Could not load movements: from: not a date');
    status.loading('services');
    status.failed('services', new NetworkError('/api/v1/services', null));
    expect(node.textContent).toBe('Could not load movements: from: not a date · Could not load services: The server could not be reached. Check the connection and try again.');
  });
});
