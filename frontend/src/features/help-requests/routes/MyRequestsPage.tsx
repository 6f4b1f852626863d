// 我的求助 (resident, phone): the household's requests, newest work first, each with where it
// stands in plain words, and a big 我要求助 button that stays in reach at the bottom of the screen.
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { useRequests } from '../api/get-requests';
import { RequestCards } from '../components/RequestCards';

export function MyRequestsPage() {
  const { t } = useTranslation();
  const requests = useRequests();
  const rows = requests.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <PageShell
      title={t('helpRequests.my.title')}
      intro={t('helpRequests.my.intro')}
      loading={requests.isLoading}
      testId="my-requests-page"
      bare
      stickyAction={
        <LinkButton to="/my/requests/new" type="primary" size="large" icon={<PlusOutlined aria-hidden />} data-testid="new-request">
          {t('helpRequests.my.new')}
        </LinkButton>
      }
    >
      <RequestCards
        rows={rows}
        base="/my/requests"
        empty={t('helpRequests.my.none')}
        hasMore={!!requests.hasNextPage}
        loadingMore={requests.isFetchingNextPage}
        onLoadMore={() => void requests.fetchNextPage()}
      />
    </PageShell>
  );
}
