// Until the generated schema has the help-request paths, calls go through this loosely typed view
// of the one API client (same token handling); each call names the shape it expects.
import { api } from '@/api/client';

type Params = { path?: Record<string, string>; query?: Record<string, string | number | boolean | undefined> };
type Result<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

export const hr = api as unknown as {
  GET: <T>(path: string, init?: { params?: Params; parseAs?: 'blob' }) => Result<T>;
  POST: <T>(path: string, init?: { params?: Params; body?: unknown }) => Result<T>;
};
