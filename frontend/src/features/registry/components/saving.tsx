// What every registry edit form does on save: send, confirm, close — or put the server's field
// errors next to the fields and explain a stale version in plain words.
import { Alert, App, type FormInstance } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem, problemMessage } from '@/api/problem';
import { applyFieldErrors } from '@/lib/forms';

export function useSave<Body>(mutation: UseMutationResult<unknown, Error, Body>, form: FormInstance, onDone: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (body: Body) => {
    try {
      await mutation.mutateAsync(body);
      message.success(t('registry.saved'));
      onDone();
    } catch (error) {
      applyFieldErrors(form, error);
    }
  };
}

export function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const stale = error instanceof ApiProblem && error.code === 'stale_version';
  return <Alert type="error" showIcon message={stale ? t('registry.stale') : problemMessage(t, error)} style={{ marginBottom: 16 }} />;
}
