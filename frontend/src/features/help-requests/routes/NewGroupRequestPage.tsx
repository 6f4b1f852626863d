// 代居民求助 (group leader, phone): choose the resident of the group, then the same form residents use.
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { RequestForm } from '../components/RequestForm';

export function NewGroupRequestPage() {
  const { t } = useTranslation();
  return (
    <PageShell title={t('helpRequests.group.new')} intro={t('helpRequests.group.newIntro')} testId="new-request-page">
      <RequestForm base="/group-requests" onBehalf />
    </PageShell>
  );
}
