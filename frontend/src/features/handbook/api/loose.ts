// PROVISIONAL, until the generated schema has the handbook and Open311-key paths: calls go
// through this loosely typed view of the one API client (same token handling); each call names
// the shape it expects (see types.ts).
import { api } from '@/api/client';

type Params = { path?: Record<string, string> };
type Result<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

export const loose = api as unknown as {
  GET: <T>(path: string, init?: { params?: Params; parseAs?: 'blob' }) => Result<T>;
  POST: <T>(path: string, init?: { params?: Params; body?: unknown }) => Result<T>;
  PUT: <T>(path: string, init?: { params?: Params; body?: unknown }) => Result<T>;
  DELETE: <T>(path: string, init?: { params?: Params }) => Result<T>;
};
