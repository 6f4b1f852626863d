// Putting a refused form's errors where people look: next to the field, else as a message.
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { TFunction } from 'i18next';
import { ApiProblem, problemMessage } from '@/api/problem';

/** Puts the server's field errors next to the fields; returns whether any matched. */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiProblem) || error.errors.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = error.errors.filter((e) => known.has(e.field)).map((e) => ({ name: e.field, errors: [e.message] }));
  form.setFields(fields);
  return fields.length > 0;
}

/** Field errors next to their fields; anything else (409, 412, network) as a message. */
export function reportError(t: TFunction, message: MessageInstance, error: unknown, form?: FormInstance) {
  if (form && applyFieldErrors(form, error)) return;
  message.error(problemMessage(t, error));
}
