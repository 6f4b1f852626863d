// One partner unit: its details, this year's contributions by month and kind, its pledges, and
// (for staff) its API clients — created, rotated and revoked here, each secret shown once.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/session';
import { formatDateTime, formatMoney } from '@/lib/format';
import { NotFound } from '@/components/NotFound';
import { ApiProblem } from '@/api/problem';
import { useCreateClient } from '../api/create-client';
import { useClients, type ApiClient } from '../api/get-clients';
import { useContributions } from '../api/get-contributions';
import { usePartner } from '../api/get-partner';
import { useRevokeClient } from '../api/revoke-client';
import { useRotateClient } from '../api/rotate-client';
import { ContributionChart } from '../components/ContributionChart';
import { DeliveryLog } from '../components/DeliveryLog';
import { useEndpoints } from '../api/get-endpoints';
import { SecretModal } from '../components/SecretModal';
import { EditPartnerDrawer } from '../components/EditPartnerDrawer';
import { RevealContact } from '../components/RevealContact';
import { reportError } from '@/lib/forms';

function Clients({ partnerId, manage }: { partnerId: string; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
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
      reportError(t, message, error);
    }
  };
  return (
    <Card title={t('support.apiClients')} size="small" data-testid="api-clients">
      {manage && (
        <Space.Compact style={{ marginBottom: 12, maxWidth: 420, width: '100%' }}>
          <Input placeholder={t('support.clientName')} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} data-testid="client-name" />
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
      <Table<ApiClient>
        rowKey="id"
        size="small"
        pagination={false}
        loading={clients.isLoading}
        dataSource={clients.data ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('support.clientName'), dataIndex: 'name' },
          {
            title: 'client_id',
            render: (_, c) => (
              <Typography.Text code copyable>
                {c.client_id}
              </Typography.Text>
            ),
          },
          { title: t('support.secretHint'), dataIndex: 'secret_hint' },
          { title: t('support.lastUsed'), render: (_, c) => (c.last_used_at ? formatDateTime(c.last_used_at, i18n.language) : '—') },
          {
            title: t('support.status'),
            render: (_, c) => (c.revoked_at ? <Tag>{t('support.revoked')}</Tag> : <Tag color="green">{t('support.active')}</Tag>),
          },
          ...(manage
            ? [
                {
                  title: '',
                  render: (_: unknown, c: ApiClient) =>
                    !c.revoked_at && (
                      <Space>
                        <Popconfirm title={t('support.rotateConfirm')} onConfirm={() => run(() => rotate.mutateAsync(c.id))}>
                          <Button size="small">{t('support.rotate')}</Button>
                        </Popconfirm>
                        <Popconfirm
                          title={t('support.revokeConfirm')}
                          onConfirm={() => revoke.mutateAsync(c.id).catch((e: unknown) => reportError(t, message, e))}
                        >
                          <Button size="small" danger>
                            {t('support.revoke')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <SecretModal
        title={t('support.clientCreated')}
        label="client_secret"
        secret={shown?.secret ?? null}
        extra={shown ? `client_id: ${shown.clientId}` : undefined}
        onClose={() => setShown(null)}
      />
    </Card>
  );
}

/** Staff's view of a partner's webhook endpoints and their delivery logs. */
function Endpoints({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const endpoints = useEndpoints(partnerId);
  const list = endpoints.data ?? [];
  return (
    <Card title={t('support.webhooksTitle')} size="small" data-testid="partner-endpoints">
      {list.length === 0 && !endpoints.isLoading && <Empty description={t('support.noEndpoints')} />}
      <Collapse
        size="small"
        items={list.map((e) => ({
          key: e.id,
          label: (
            <Space wrap>
              <Typography.Text style={{ wordBreak: 'break-all' }}>{e.url}</Typography.Text>
              {!e.enabled && <Tag>{t('support.revoked')}</Tag>}
            </Space>
          ),
          children: <DeliveryLog endpoint={e} />,
        }))}
      />
    </Card>
  );
}

export function PartnerPage() {
  const { id: routeId } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const id = routeId ?? me.partner_id ?? '';
  const [year, setYear] = useState(new Date().getFullYear());
  const [editing, setEditing] = useState(false);
  const partner = usePartner(id);
  const contributions = useContributions(id, year);
  if (partner.isLoading) return <Spin />;
  if (partner.error instanceof ApiProblem && partner.error.status === 404) return <NotFound />;
  const p = partner.data;
  if (!p) return null;
  const c = contributions.data;
  const isStaff = me.role === 'staff';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="partner-page">
      <Typography.Title level={isStaff ? 3 : 4} style={{ margin: 0 }}>
        {p.name}
      </Typography.Title>
      <Card size="small">
        <Descriptions column={isStaff ? 3 : 1} size="small">
          <Descriptions.Item label={t('support.partnerKind')}>{t(`support.partnerKinds.${p.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('support.contactName')}>{p.contact_name}</Descriptions.Item>
          <Descriptions.Item label={t('support.contactPhone')}>
            <Space size={4}>
              <span>{p.contact_phone}</span>
              {isStaff && p.contact_phone && <RevealContact partnerId={p.id} />}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('support.address')}>{p.address}</Descriptions.Item>
          <Descriptions.Item label={t('support.partneredSince')}>{p.partnered_since}</Descriptions.Item>
          <Descriptions.Item label={t('support.status')}>{t(`support.partnerStatus.${p.status}`)}</Descriptions.Item>
        </Descriptions>
        {isStaff && (
          <Space style={{ marginTop: 8 }}>
            <Link to={`/pledges?status=all&partner_id=${p.id}`}>
              <Button size="small">{t('support.viewPledges')}</Button>
            </Link>
            <Button size="small" onClick={() => setEditing(true)} data-testid="edit-partner">
              {t('support.editPartner')}
            </Button>
          </Space>
        )}
        {isStaff && <EditPartnerDrawer partner={p} open={editing} onClose={() => setEditing(false)} />}
      </Card>
      <Card
        size="small"
        title={t('support.contributionsTitle')}
        extra={<InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} style={{ width: 90 }} />}
        data-testid="contributions"
      >
        {c && (
          <>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title={t('support.kind.money')} value={formatMoney(c.money_fen, i18n.language)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('support.kind.goods')} value={c.goods_pieces} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('support.kind.venue')} value={t('support.units.slot', { count: c.venue_slots })} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('support.kind.volunteer_time')} value={t('support.units.personHour', { count: c.volunteer_person_hours })} />
              </Col>
            </Row>
            <ContributionChart data={c} />
          </>
        )}
      </Card>
      <Clients partnerId={p.id} manage={isStaff} />
      {isStaff && <Endpoints partnerId={p.id} />}
    </Space>
  );
}
