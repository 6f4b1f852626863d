import type { FormInstance } from 'antd';
import { ApiProblem } from '@/api/problem';

/** Puts the server's field errors next to the fields; returns whether any matched. */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiProblem) || error.errors.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = error.errors.filter((e) => known.has(e.field)).map((e) => ({ name: e.field, errors: [e.message] }));
  form.setFields(fields);
  return fields.length > 0;
}
