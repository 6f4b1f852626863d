// How a refused move is told: someone else changed the request meanwhile (412: it has been read
// again, look before acting), a move no longer possible (409: the server says why), anything else
// as every form does.
import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { useReportError } from '@/lib/forms';

/** Returns `report(error, form?)`; it returns true when the form should close (the request changed). */
export function useReportMove() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  return useCallback(
    (error: unknown, form?: FormInstance): boolean => {
      if (error instanceof ApiProblem && error.status === 412) {
        void message.warning(t('helpRequests.changedMeanwhile'));
        return true;
      }
      if (error instanceof ApiProblem && error.status === 409 && error.code === 'invalid_transition') {
        void message.error(error.detail ? `${t('helpRequests.cannotNow')}${error.detail}` : t('problems.invalid_transition'));
        return true;
      }
      report(error, form);
      return false;
    },
    [t, message, report],
  );
}
