// The photos sent with a request, each fetched with the session's token and shown from a blob
// URL (an <img> cannot send the token itself); a tap opens it full size.
import { Card, Image, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePhotoUrl } from '../api/get-photo';
import type { RequestDetail } from '../api/types';

export function PhotosCard({ r }: { r: Pick<RequestDetail, 'id' | 'photos'> }) {
  const { t } = useTranslation();
  if (r.photos.length === 0) return null;
  return (
    <Card title={t('helpRequests.photo.title')} data-testid="request-photos">
      <Space wrap size={8}>
        {r.photos.map((p, i) => (
          <Photo key={p.id} requestId={r.id} photoId={p.id} n={i + 1} />
        ))}
      </Space>
    </Card>
  );
}

function Photo({ requestId, photoId, n }: { requestId: string; photoId: string; n: number }) {
  const { t } = useTranslation();
  const photo = usePhotoUrl(requestId, photoId);
  if (photo.isError) return <Typography.Text type="secondary">{t('helpRequests.photo.failed')}</Typography.Text>;
  if (!photo.url) return <div style={{ width: 120, height: 120, background: '#f5f5f5', borderRadius: 8 }} aria-busy="true" />;
  return (
    <Image
      src={photo.url}
      alt={t('helpRequests.photo.alt', { n })}
      width={120}
      height={120}
      style={{ objectFit: 'cover', borderRadius: 8 }}
      preview={{ mask: t('helpRequests.photo.open') }}
      data-testid="request-photo"
    />
  );
}
