// One of the household's requests (resident, phone).
import { Alert } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { useRequest } from '../api/get-request';
import { FamilyRequestView } from '../components/FamilyRequestView';

export function MyRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useRequest(id);
  const r = query.data;
  return (
    <PageShell title={r ? r.category_name : t('helpRequests.my.title')} loading={query.isLoading} testId="my-request-page" bare>
      {query.isError && <Alert type="error" showIcon message={t('helpRequests.detail.notFound')} />}
      {r && <FamilyRequestView r={r} />}
    </PageShell>
  );
}
