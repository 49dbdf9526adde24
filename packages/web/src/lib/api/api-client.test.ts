import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, onUnauthorized, setCsrfToken } from './api-client.ts';

function answer(status: number, body: unknown): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status }))),
  );
}

async function failure(): Promise<ApiError> {
  try {
    await api('/api/anything', { method: 'POST', body: {} });
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the request did not fail');
}

afterEach(() => {
  onUnauthorized(undefined);
  vi.unstubAllGlobals();
});

describe('the one 401 handler', () => {
  it('ends the session when the server says it has ended', async () => {
    const listener = vi.fn();
    onUnauthorized(listener);
    answer(401, { error: { code: 'unauthenticated', message: 'Sign in' } });
    expect((await failure()).code).toBe('unauthenticated');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the session on a wrong two-factor code or password, which are 401s too', async () => {
    const listener = vi.fn();
    onUnauthorized(listener);
    for (const code of ['invalid_two_factor_code', 'invalid_credentials']) {
      answer(401, { error: { code, message: 'No' } });
      expect((await failure()).code).toBe(code);
    }
    expect(listener).not.toHaveBeenCalled();
  });

  it('ends the session on a 401 without a coded body (a proxy in front of the server)', async () => {
    const listener = vi.fn();
    onUnauthorized(listener);
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('<html>401</html>', { status: 401 }))),
    );
    expect((await failure()).status).toBe(401);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('request bodies', () => {
  it('sends a FormData body as multipart, leaving the boundary to the browser, with the CSRF token', async () => {
    const fetchSpy = vi.fn((_path: string, _init: RequestInit) => Promise.resolve(new Response(JSON.stringify({ ok: true }), { status: 201 })));
    vi.stubGlobal('fetch', fetchSpy);
    setCsrfToken('token-1');
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'image/jpeg' }), 'front.jpg');
    await api('/api/upload', { method: 'POST', body: form });
    const init = fetchSpy.mock.calls[0]?.[1];
    expect(init?.body).toBe(form);
    expect((init?.headers as Record<string, string>)['content-type']).toBeUndefined();
    expect((init?.headers as Record<string, string>)['x-csrf-token']).toBe('token-1');
    setCsrfToken(undefined);
  });

  it('sends other bodies as JSON', async () => {
    const fetchSpy = vi.fn((_path: string, _init: RequestInit) => Promise.resolve(new Response(JSON.stringify({ ok: true }), { status: 200 })));
    vi.stubGlobal('fetch', fetchSpy);
    await api('/api/thing', { method: 'POST', body: { a: 1 } });
    const init = fetchSpy.mock.calls[0]?.[1];
    expect(init?.body).toBe('{"a":1}');
    expect((init?.headers as Record<string, string>)['content-type']).toBe('application/json');
  });
});
