import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, onUnauthorized } from './api-client.ts';

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
