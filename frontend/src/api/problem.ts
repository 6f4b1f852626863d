// Problems (RFC 9457) as errors the UI can show in plain words.
import type { TFunction } from 'i18next';
import type { Schemas } from './client';

export type FieldError = Schemas['FieldError'];

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: number, code: string, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }
}

/** Turns whatever an error response carried into an ApiProblem. */
export function toProblem(status: number, body: unknown): ApiProblem {
  if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
    const problem = body as Partial<Schemas['Problem']>;
    return new ApiProblem(status, problem.code ?? 'unknown', problem.detail ?? '', problem.errors ?? []);
  }
  return new ApiProblem(status, status >= 500 ? 'internal_error' : 'unknown', `HTTP ${status}`);
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiProblem. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiProblem(0, 'network', 'network error');
  }
  if (!result.response.ok) throw toProblem(result.response.status, result.error);
  return result.data as T;
}

/** A message for people, in the current language; the server's detail when we have no words of our own. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiProblem) {
    return t(`problems.${error.code}`, { defaultValue: error.detail || t('problems.unknown') });
  }
  return t('problems.unknown');
}
