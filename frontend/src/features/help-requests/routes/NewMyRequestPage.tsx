// 我要求助 (resident, phone): the request form; the request is the household's.
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { RequestForm } from '../components/RequestForm';

export function NewMyRequestPage() {
  const { t } = useTranslation();
  return (
    <PageShell title={t('helpRequests.my.new')} intro={t('helpRequests.my.newIntro')} testId="new-request-page">
      <RequestForm base="/my/requests" />
    </PageShell>
  );
}
