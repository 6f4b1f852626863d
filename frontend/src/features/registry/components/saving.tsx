// What every registry edit form does on save: send, confirm, close — or show why not, the one
// way (lib/forms): field errors next to the fields, anything else (a stale version too) as a message.
import { App, type FormInstance } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';

export function useSave<Body>(mutation: UseMutationResult<unknown, Error, Body>, form: FormInstance, onDone: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  return async (body: Body) => {
    try {
      await mutation.mutateAsync(body);
      message.success(t('registry.saved'));
      onDone();
    } catch (error) {
      report(error, form);
    }
  };
}
