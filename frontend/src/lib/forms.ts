// The one way a refused change is shown: the server's field errors next to their fields, and
// anything else (409, 412, 429, network) as an error message in the user's language.
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiProblem, problemMessage } from '@/api/problem';
import { fieldMessage } from './fieldMessages';

/** Puts the server's field errors next to the fields; returns whether any matched. */
export function applyFieldErrors(form: FormInstance, error: unknown, t?: TFunction): boolean {
  if (!(error instanceof ApiProblem) || error.errors.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = error.errors.filter((e) => known.has(e.field)).map((e) => ({ name: e.field, errors: [t ? fieldMessage(t, e.message) : e.message] }));
  form.setFields(fields);
  return fields.length > 0;
}

/**
 * Returns `report(error, form?)` for a failed mutation: field errors go next to the form's
 * fields; every other problem is said once, as a message, through its code.
 */
export function useReportError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form && applyFieldErrors(form, error, t)) return;
      // Without a form to put them in, the field errors are part of the message (e.g. the
      // columns an uploaded file lacks).
      const details = error instanceof ApiProblem ? error.errors.map((e) => fieldMessage(t, e.message)).join('；') : '';
      void message.error(details ? `${problemMessage(t, error)}：${details}` : problemMessage(t, error));
    },
    [t, message],
  );
}
