import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The foot of a keyset-paged list: "load more" while there is more, else the count. */
export function LoadMore({ hasMore, loading, count, onLoad }: { hasMore: boolean; loading: boolean; count: number; onLoad: () => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center' }}>
      {hasMore ? (
        <Button onClick={onLoad} loading={loading} data-testid="load-more">
          {t('audit.loadMore')}
        </Button>
      ) : (
        count > 0 && <Typography.Text type="secondary">{t('audit.noMore', { count })}</Typography.Text>
      )}
    </div>
  );
}
