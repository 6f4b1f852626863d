// Community needs: staff publish and close them; partners pledge against them; residents and
// group leaders see what the community is asking for (without money figures).
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Grid, Input, InputNumber, Modal, Segmented, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { LoadMore } from '@/components/LoadMore';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { useMe } from '@/lib/session';
import { formatDate } from '@/lib/format';
import { useReportError } from '@/lib/forms';
import { useCreateNeed, type CreateNeed } from '../api/create-need';
import { useNeeds, type Need, type NeedStatus } from '../api/get-needs';
import { useUpdateNeed } from '../api/update-need';
import { NeedProgress } from '../components/NeedProgress';
import { NeedStatusTag } from '../components/StatusTag';
import { NeedProgressChart } from '../components/NeedProgressChart';

const CATEGORIES: CreateNeed['category'][] = ['money', 'venue', 'equipment', 'volunteers', 'services'];

interface NeedValues {
  title: string;
  description?: string;
  category: CreateNeed['category'];
  target?: number;
  unit?: string;
  deadline?: Dayjs;
}

/** Publishes a need, or (with `need`) edits one: the category stays as published. */
function NeedModal({ open, need, onClose }: { open: boolean; need?: Need; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<NeedValues>();
  const create = useCreateNeed();
  const update = useUpdateNeed();
  const category = (Form.useWatch('category', form) as CreateNeed['category'] | undefined) ?? need?.category;
  const toTarget = (v: NeedValues) => (v.target === undefined || v.target === null ? undefined : category === 'money' ? Math.round(v.target * 100) : v.target);
  const submit = async (values: NeedValues) => {
    try {
      if (need) {
        await update.mutateAsync({
          id: need.id,
          body: {
            version: need.version,
            title: values.title,
            description: values.description ?? '',
            target_quantity: toTarget(values),
            deadline: values.deadline?.format('YYYY-MM-DD'),
          },
        });
        message.success(t('registry.saved'));
      } else {
        await create.mutateAsync({
          title: values.title,
          description: values.description,
          category: values.category,
          target_quantity: toTarget(values),
          unit: values.category === 'equipment' ? values.unit : undefined,
          deadline: values.deadline?.format('YYYY-MM-DD'),
        });
        message.success(t('support.needPublished'));
      }
      form.resetFields();
      onClose();
    } catch (error) {
      report(error, form);
    }
  };
  const targetLabel =
    category === 'money'
      ? t('support.targetYuan')
      : category === 'venue'
        ? t('support.targetSlots')
        : category === 'equipment'
          ? t('support.targetPieces')
          : t('support.targetHours');
  const initial: Partial<NeedValues> = need
    ? {
        title: need.title,
        description: need.description,
        category: need.category,
        target: need.target_quantity == null ? undefined : need.category === 'money' ? need.target_quantity / 100 : need.target_quantity,
        deadline: need.deadline ? dayjs(need.deadline) : undefined,
      }
    : { category: 'money' };
  return (
    <Modal
      open={open}
      title={need ? t('support.editNeed') : t('support.publishNeed')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={need ? t('support.save') : t('support.publish')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item name="title" label={t('support.title')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="need-title" />
        </Form.Item>
        <Form.Item name="category" label={t('support.category')} rules={[{ required: true }]}>
          <Select disabled={!!need} options={CATEGORIES.map((c) => ({ value: c, label: t(`support.categories.${c}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="target" label={targetLabel}>
            <InputNumber
              controls={false}
              min={category === 'money' ? 0.01 : 1}
              precision={category === 'money' ? 2 : 0}
              style={{ width: 180 }}
              data-testid="need-target"
            />
          </Form.Item>
          {category === 'equipment' && !need && (
            <Form.Item name="unit" label={t('support.unit')} initialValue="台" rules={[{ required: true, max: 20 }]}>
              <Input style={{ width: 100 }} />
            </Form.Item>
          )}
          <Form.Item name="deadline" label={t('support.deadline')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('support.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What the user can do with a need: pledge (partners); see its pledges, edit, close or reopen (staff). */
function NeedActions({ need }: { need: Need }) {
  const { t } = useTranslation();
  const report = useReportError();
  const me = useMe();
  const update = useUpdateNeed();
  const [editing, setEditing] = useState(false);
  const setStatus = async (status: NeedStatus) => {
    try {
      await update.mutateAsync({ id: need.id, body: { version: need.version, status } });
    } catch (error) {
      report(error);
    }
  };
  if (me.role === 'partner') {
    return need.status === 'open' ? (
      <LinkButton to={`/pledges/new?need=${need.id}`} type="primary" data-testid="pledge-for-need">
        {t('support.pledgeThis')}
      </LinkButton>
    ) : null;
  }
  if (me.role !== 'staff') return null;
  return (
    <>
      <Space wrap>
        <LinkButton to={`/pledges?need_id=${need.id}&status=all`} size="small">
          {t('support.viewPledges')}
        </LinkButton>
        <Button size="small" onClick={() => setEditing(true)} data-testid="edit-need">
          {t('support.editNeed')}
        </Button>
        {need.status === 'open' ? (
          <Button size="small" onClick={() => void setStatus('closed')} loading={update.isPending}>
            {t('support.closeNeed')}
          </Button>
        ) : (
          <Button size="small" onClick={() => void setStatus('open')} loading={update.isPending}>
            {t('support.reopenNeed')}
          </Button>
        )}
      </Space>
      <NeedModal open={editing} need={need} onClose={() => setEditing(false)} />
    </>
  );
}

/** A need as a card (phones; everyone but staff). */
function NeedCard({ need }: { need: Need }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const actions = me.role === 'staff' || (me.role === 'partner' && need.status === 'open');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline', justifyContent: 'space-between' }}>
        <Typography.Text strong style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {need.title}
        </Typography.Text>
        <NeedStatusTag status={need.status} />
      </div>
      <Typography.Text type="secondary">
        {t(`support.categories.${need.category}`)}
        {need.deadline ? ` · ${t('support.deadline')} ${formatDate(need.deadline, i18n.language)}` : ''}
      </Typography.Text>
      {need.description && <Typography.Paragraph style={{ margin: 0 }}>{need.description}</Typography.Paragraph>}
      <NeedProgress need={need} />
      {actions && <NeedActions need={need} />}
    </Space>
  );
}

export function NeedsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const isStaff = me.role === 'staff';
  const [status, setStatus] = useState<NeedStatus | 'all'>('open');
  const [creating, setCreating] = useState(false);
  const needs = useNeeds(status === 'all' ? undefined : status);
  const items = needs.data?.pages.flatMap((p) => p.items) ?? [];
  const phone = Grid.useBreakpoint().md === false;
  // Staff get a table at a desk; everyone gets cards on a phone, and the other roles always.
  const list = (
    <DataList<Need>
      testId="need-list"
      itemTestId={isStaff ? 'need-row' : 'need-card'}
      cards={isStaff ? undefined : true}
      rows={items}
      rowKey={(need) => need.id}
      loading={needs.isLoading}
      empty={t('support.noNeeds')}
      card={(need) => <NeedCard need={need} />}
      columns={[
        {
          title: t('support.title'),
          render: (_, need) => (
            <div style={{ maxWidth: 320 }}>
              <Typography.Text strong>{need.title}</Typography.Text>
              {need.description && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: need.description }} style={{ margin: 0 }}>
                  {need.description}
                </Typography.Paragraph>
              )}
            </div>
          ),
        },
        { title: t('support.category'), render: (_, need) => t(`support.categories.${need.category}`) },
        {
          title: t('support.progressColumn'),
          render: (_, need) => (
            <div style={{ minWidth: 220, maxWidth: 320 }}>
              <NeedProgress need={need} />
            </div>
          ),
        },
        { title: t('support.deadline'), render: (_, need) => (need.deadline ? formatDate(need.deadline, i18n.language) : '—') },
        { title: t('support.status'), render: (_, need) => <NeedStatusTag status={need.status} /> },
        { title: t('support.actions'), render: (_, need) => <NeedActions need={need} /> },
      ]}
    />
  );
  return (
    <PageShell
      title={t('support.needsTitle')}
      testId="needs-page"
      bare
      actions={
        isStaff && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="publish-need">
            {t('support.publishNeed')}
          </Button>
        )
      }
    >
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as NeedStatus | 'all')}
        options={(['open', 'met', 'closed', 'all'] as const).map((s) => ({ value: s, label: s === 'all' ? t('support.all') : t(`support.needStatus.${s}`) }))}
      />
      {isStaff && status === 'open' && items.length > 0 && (
        <Card size="small" title={t('support.needProgressTitle')}>
          <NeedProgressChart needs={items} />
        </Card>
      )}
      {isStaff && !phone ? <Card>{list}</Card> : list}
      <LoadMore hasMore={!!needs.hasNextPage} loading={needs.isFetchingNextPage} count={items.length} onLoad={() => void needs.fetchNextPage()} />
      <NeedModal open={creating} onClose={() => setCreating(false)} />
    </PageShell>
  );
}
