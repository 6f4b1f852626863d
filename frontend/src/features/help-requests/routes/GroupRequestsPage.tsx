// 本组求助 (group leader, phone): the requests of the leader's group and those the leader filed,
// each with who it is for and where it stands, and 代居民求助 for a resident who cannot do it
// themselves (no smartphone, poor eyesight).
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { useRequests } from '../api/get-requests';
import { RequestCards } from '../components/RequestCards';

export function GroupRequestsPage() {
  const { t } = useTranslation();
  const requests = useRequests();
  const rows = requests.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <PageShell
      title={t('helpRequests.group.title')}
      intro={t('helpRequests.group.intro')}
      loading={requests.isLoading}
      testId="group-requests-page"
      bare
      stickyAction={
        <LinkButton to="/group-requests/new" type="primary" size="large" icon={<PlusOutlined aria-hidden />} data-testid="new-request">
          {t('helpRequests.group.new')}
        </LinkButton>
      }
    >
      <RequestCards
        rows={rows}
        base="/group-requests"
        empty={t('helpRequests.group.none')}
        showCaller
        hasMore={!!requests.hasNextPage}
        loadingMore={requests.isFetchingNextPage}
        onLoadMore={() => void requests.fetchNextPage()}
      />
    </PageShell>
  );
}
