// Staff: the community's partner units (共建单位).
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { DataList } from '@/components/DataList';
import { PageShell } from '@/components/PageShell';
import { useCreatePartner, type CreatePartner } from '../api/create-partner';
import { PARTNER_KINDS, usePartners, type Partner } from '../api/get-partners';
import { useReportError } from '@/lib/forms';

function CreatePartnerModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm();
  const create = useCreatePartner();
  const submit = async (v: Omit<CreatePartner, 'partnered_since'> & { partnered_since?: Dayjs }) => {
    try {
      await create.mutateAsync({ ...v, partnered_since: v.partnered_since?.format('YYYY-MM-DD') });
      message.success(t('registry.saved'));
      form.resetFields();
      onClose();
    } catch (error) {
      report(error, form);
    }
  };
  return (
    <Modal open={open} title={t('support.newPartner')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'enterprise' }}>
        <Form.Item name="name" label={t('support.partnerName')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('support.partnerKind')}>
          <Select options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`support.partnerKinds.${k}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="contact_name" label={t('support.contactName')} rules={[{ max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="contact_phone" label={t('support.contactPhone')}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="address" label={t('support.address')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="partnered_since" label={t('support.partneredSince')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PartnersPage() {
  const { t, i18n } = useTranslation();
  const partners = usePartners();
  const [creating, setCreating] = useState(false);
  return (
    <PageShell
      title={t('support.partnersTitle', { count: partners.data?.length ?? 0 })}
      testId="partners-page"
      actions={
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('support.newPartner')}
        </Button>
      }
    >
      <DataList<Partner>
        testId="partner-table"
        itemTestId="partner-row"
        rows={partners.data ?? []}
        rowKey={(p) => p.id}
        loading={partners.isLoading}
        href={(p) => `/partners/${p.id}`}
        card={(p) => (
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Link to={`/partners/${p.id}`} style={{ fontWeight: 600 }}>
                {p.name}
              </Link>
              <Status partner={p} />
            </Space>
            <Typography.Text>
              {t(`support.partnerKinds.${p.kind}`)} · {p.contact_name} {p.contact_phone}
            </Typography.Text>
          </Space>
        )}
        columns={[
          { title: t('support.partnerName'), dataIndex: 'name', render: (name: string, p) => <Link to={`/partners/${p.id}`}>{name}</Link> },
          { title: t('support.partnerKind'), render: (_, p) => t(`support.partnerKinds.${p.kind}`) },
          { title: t('support.contactName'), dataIndex: 'contact_name' },
          { title: t('support.contactPhone'), dataIndex: 'contact_phone' },
          { title: t('support.partneredSince'), render: (_, p) => (p.partnered_since ? formatDate(p.partnered_since, i18n.language) : '') },
          { title: t('support.status'), render: (_, p) => <Status partner={p} /> },
        ]}
      />
      <CreatePartnerModal open={creating} onClose={() => setCreating(false)} />
    </PageShell>
  );
}

function Status({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  return <Tag color={partner.status === 'active' ? 'green' : 'default'}>{t(`support.partnerStatus.${partner.status}`)}</Tag>;
}
