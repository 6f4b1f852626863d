// Staff correct a partner unit's details or pause the partnership. The phone is shown masked,
// so the field starts empty: leave it empty to keep the number.
import { App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { PARTNER_KINDS, type Partner } from '../api/get-partners';
import { useUpdatePartner } from '../api/update-partner';

interface Values {
  name: string;
  kind: Partner['kind'];
  contact_name?: string;
  contact_phone?: string;
  address?: string;
  partnered_since?: Dayjs;
  status: Partner['status'];
}

export function EditPartnerDrawer({ partner, open, onClose }: { partner: Partner; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePartner(partner.id);
  const save = async (v: Values) => {
    try {
      await update.mutateAsync({
        version: partner.version,
        name: v.name,
        kind: v.kind,
        contact_name: v.contact_name ?? '',
        contact_phone: v.contact_phone?.trim() ? v.contact_phone : undefined,
        address: v.address ?? '',
        partnered_since: v.partnered_since?.format('YYYY-MM-DD'),
        status: v.status,
      });
      message.success(t('registry.saved'));
      onClose();
    } catch (error) {
      report(error, form);
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('support.editPartner')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('support.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()} data-testid="save-partner">
            {t('support.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          name: partner.name,
          kind: partner.kind,
          contact_name: partner.contact_name ?? '',
          address: partner.address ?? '',
          partnered_since: partner.partnered_since ? dayjs(partner.partnered_since) : undefined,
          status: partner.status,
        }}
      >
        <Form.Item name="name" label={t('support.partnerName')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('support.partnerKind')}>
          <Select options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`support.partnerKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="contact_name" label={t('support.contactName')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contact_phone" label={t('support.newContactPhone')} extra={t('support.keepPhone', { phone: partner.contact_phone ?? '—' })}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('support.address')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="partnered_since" label={t('support.partneredSince')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="status" label={t('support.status')}>
          <Select data-testid="partner-status" options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`support.partnerStatus.${s}`) }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
