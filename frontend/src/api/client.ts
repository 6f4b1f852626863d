// The one way the SPA talks to the API: an openapi-fetch client typed from the generated
// schema. It attaches the access token (kept in memory only), and on a 401 refreshes once —
// through the httpOnly refresh cookie — and retries; if that fails the session has ended.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

let accessToken: string | null = null;
let sessionExpired: () => void = () => {};
let refreshing: Promise<string | null> | null = null;

export function setAccessToken(token: string | null) {
  accessToken = token;
}

/** Called when a request is refused and the session cannot be refreshed. */
export function onSessionExpired(handler: () => void) {
  sessionExpired = handler;
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request:
 * the server treats a second use of the same refresh token as theft and ends the session.
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshing ??= (async () => {
    try {
      const response = await globalThis.fetch(`${origin()}/api/v1/auth/refresh`, {
        method: 'POST',
        credentials: 'same-origin',
      });
      if (!response.ok) {
        accessToken = null;
        return null;
      }
      const body = (await response.json()) as Schemas['TokenResponse'];
      accessToken = body.access_token;
      return accessToken;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function authFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
  const response = await globalThis.fetch(request);
  const isAuthCall = new URL(request.url).pathname.startsWith('/api/v1/auth/');
  if (response.status !== 401 || isAuthCall) return response;
  const token = await refreshAccessToken();
  if (!token) {
    sessionExpired();
    return response;
  }
  retry.headers.set('Authorization', `Bearer ${token}`);
  return globalThis.fetch(retry);
}

function origin(): string {
  return typeof window === 'undefined' ? '' : window.location.origin;
}

export const api = createClient<paths>({ baseUrl: origin(), fetch: authFetch, credentials: 'same-origin' });
