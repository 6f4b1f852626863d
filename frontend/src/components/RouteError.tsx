// What a page shows when it fails to render: a plain message and a way back, not a stack trace.
import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Result
      status="error"
      title={t('problems.pageFailed')}
      subTitle={t('problems.pageFailedHint')}
      data-testid="app-error"
      extra={
        <Button type="primary" onClick={() => window.location.assign('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
