// One partner unit: its details, this year's contributions by month and kind, its pledges, and
// (for staff) its API clients — created, rotated and revoked here, each secret shown once.
import { useState } from 'react';
import { Button, Card, Descriptions, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/session';
import { formatDateTime } from '@/lib/format';
import { NotFound } from '@/components/NotFound';
import { ApiProblem } from '@/api/problem';
import { PageShell } from '@/components/PageShell';
import { DataList } from '@/components/DataList';
import { LinkButton } from '@/components/LinkButton';
import { SecretModal } from '@/components/SecretModal';
import { PARTNER_DETAILS_SLOT, Slot, type PartnerDetailsProps } from '@/lib/features';
import { useCreateClient } from '../api/create-client';
import { useClients, type ApiClient } from '../api/get-clients';
import { usePartner } from '../api/get-partner';
import { useRevokeClient } from '../api/revoke-client';
import { useRotateClient } from '../api/rotate-client';
import { EditPartnerDrawer } from '../components/EditPartnerDrawer';
import { RevealContact } from '../components/RevealContact';
import { useReportError } from '@/lib/forms';

function Clients({ partnerId, manage }: { partnerId: string; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const report = useReportError();
  const clients = useClients(partnerId);
  const create = useCreateClient(partnerId);
  const rotate = useRotateClient(partnerId);
  const revoke = useRevokeClient(partnerId);
  const [name, setName] = useState('');
  const [shown, setShown] = useState<{ clientId: string; secret: string } | null>(null);
  const run = async (action: () => Promise<{ client: ApiClient; client_secret: string }>) => {
    try {
      const result = await action();
      setShown({ clientId: result.client.client_id, secret: result.client_secret });
    } catch (error) {
      report(error);
    }
  };
  const actions = (c: ApiClient) =>
    manage &&
    !c.revoked_at && (
      <Space wrap>
        <Popconfirm title={t('support.rotateConfirm')} onConfirm={() => run(() => rotate.mutateAsync(c.id))}>
          <Button size="small">{t('support.rotate')}</Button>
        </Popconfirm>
        <Popconfirm title={t('support.revokeConfirm')} onConfirm={() => revoke.mutateAsync(c.id).catch((e: unknown) => report(e))}>
          <Button size="small" danger>
            {t('support.revoke')}
          </Button>
        </Popconfirm>
      </Space>
    );
  return (
    <Card title={t('support.apiClients')} size="small" data-testid="api-clients">
      {manage && (
        <Space.Compact style={{ marginBottom: 12, maxWidth: 420, width: '100%' }}>
          <Input
            placeholder={t('support.clientName')}
            aria-label={t('support.clientName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={60}
            data-testid="client-name"
          />
          <Button
            type="primary"
            disabled={!name.trim()}
            loading={create.isPending}
            onClick={() => void run(() => create.mutateAsync(name.trim())).then(() => setName(''))}
            data-testid="create-client"
          >
            {t('support.createClient')}
          </Button>
        </Space.Compact>
      )}
      <DataList<ApiClient>
        testId="client-list"
        rows={clients.data ?? []}
        rowKey={(c) => c.id}
        loading={clients.isLoading}
        empty={t('support.noClients')}
        card={(c) => (
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text strong>{c.name}</Typography.Text>
              <ClientStatus client={c} />
            </Space>
            <Typography.Text copyable={{ text: c.client_id }}>
              {t('support.clientId')}：<span className="xg-code">{c.client_id}</span>
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('support.lastUsed')}：{c.last_used_at ? formatDateTime(c.last_used_at, i18n.language) : '—'}
            </Typography.Text>
            {actions(c)}
          </Space>
        )}
        columns={[
          { title: t('support.clientName'), dataIndex: 'name' },
          {
            title: t('support.clientId'),
            render: (_, c) => (
              <Typography.Text copyable={{ text: c.client_id }}>
                <span className="xg-code">{c.client_id}</span>
              </Typography.Text>
            ),
          },
          { title: t('support.secretHint'), dataIndex: 'secret_hint' },
          { title: t('support.lastUsed'), render: (_, c) => (c.last_used_at ? formatDateTime(c.last_used_at, i18n.language) : '—') },
          { title: t('support.status'), render: (_, c) => <ClientStatus client={c} /> },
          ...(manage ? [{ title: t('support.actions'), render: (_: unknown, c: ApiClient) => actions(c) }] : []),
        ]}
      />
      <SecretModal
        title={t('support.clientCreated')}
        label={t('support.clientSecret')}
        secret={shown?.secret ?? null}
        extra={shown ? `${t('support.clientId')}（client_id）：${shown.clientId}` : undefined}
        onClose={() => setShown(null)}
      />
    </Card>
  );
}

function ClientStatus({ client }: { client: ApiClient }) {
  const { t } = useTranslation();
  return client.revoked_at ? <Tag>{t('support.revoked')}</Tag> : <Tag color="green">{t('support.active')}</Tag>;
}

export function PartnerPage() {
  const { id: routeId } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const id = routeId ?? me.partner_id ?? '';
  const [editing, setEditing] = useState(false);
  const partner = usePartner(id);
  if (partner.error instanceof ApiProblem && partner.error.status === 404) return <NotFound />;
  const p = partner.data;
  const isStaff = me.role === 'staff';
  return (
    <PageShell
      title={p?.name ?? t('nav.myUnit')}
      loading={partner.isLoading}
      testId="partner-page"
      bare
      actions={
        isStaff &&
        p && (
          <>
            <LinkButton to={`/pledges?status=all&partner_id=${p.id}`}>{t('support.viewPledges')}</LinkButton>
            <Button onClick={() => setEditing(true)} data-testid="edit-partner">
              {t('support.editPartner')}
            </Button>
          </>
        )
      }
    >
      {p && (
        <>
          <Card size="small">
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
              <Descriptions.Item label={t('support.partnerKind')}>{t(`support.partnerKinds.${p.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('support.contactName')}>{p.contact_name}</Descriptions.Item>
              <Descriptions.Item label={t('support.contactPhone')}>
                <Space size={4} wrap>
                  <span>{p.contact_phone}</span>
                  {isStaff && p.contact_phone && <RevealContact partnerId={p.id} />}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('support.address')}>{p.address}</Descriptions.Item>
              <Descriptions.Item label={t('support.partneredSince')}>{p.partnered_since}</Descriptions.Item>
              <Descriptions.Item label={t('support.status')}>{t(`support.partnerStatus.${p.status}`)}</Descriptions.Item>
            </Descriptions>
            {isStaff && <EditPartnerDrawer partner={p} open={editing} onClose={() => setEditing(false)} />}
          </Card>
          <Slot<PartnerDetailsProps> name={PARTNER_DETAILS_SLOT} props={{ partnerId: p.id, isStaff }} />
          <Clients partnerId={p.id} manage={isStaff} />
        </>
      )}
    </PageShell>
  );
}
