// One request of the leader's group (group leader, phone): the requester's view — the leader may
// rate or reopen it for the resident.
import { Alert } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { useRequest } from '../api/get-request';
import { FamilyRequestView } from '../components/FamilyRequestView';

export function GroupRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useRequest(id);
  const r = query.data;
  return (
    <PageShell title={r ? `${r.category_name} · ${r.caller_name}` : t('helpRequests.group.title')} loading={query.isLoading} testId="group-request-page" bare>
      {query.isError && <Alert type="error" showIcon message={t('helpRequests.detail.notFound')} />}
      {r && <FamilyRequestView r={r} />}
    </PageShell>
  );
}
