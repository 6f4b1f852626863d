import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useHouseholds } from '../api/get-households';
import { useCreateResident, type CreateResident } from '../api/create-resident';
import { useReportError } from '@/lib/forms';

import { idNumberRule, RELATIONSHIPS, TAGS } from './fields';

export function CreateResidentModal({ open, onClose, householdId }: { open: boolean; onClose: () => void; householdId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateResident>();
  const [address, setAddress] = useState('');
  const households = useHouseholds({ address: address || undefined });
  const create = useCreateResident();
  const options = (households.data?.pages.flatMap((p) => p.items) ?? []).map((h) => ({ value: h.id, label: `${h.address}（${h.head_name ?? '—'}）` }));

  const submit = async (values: CreateResident) => {
    try {
      const created = await create.mutateAsync({ ...values, tags: values.tags ?? [] });
      message.success(t('registry.created'));
      form.resetFields();
      onClose();
      navigate(`/registry/residents/${created.id}`);
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal
      open={open}
      title={t('registry.createResident')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('registry.save')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<CreateResident> form={form} layout="vertical" onFinish={submit} initialValues={{ household_id: householdId, relationship: 'other', tags: [] }}>
        <Form.Item name="household_id" label={t('registry.household')} rules={[{ required: true, message: t('registry.required') }]}>
          <Select showSearch filterOption={false} onSearch={setAddress} options={options} placeholder={t('registry.addressSearch')} />
        </Form.Item>
        <Form.Item name="name" label={t('registry.name')} rules={[{ required: true, max: 50, message: t('registry.nameRule') }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="id_number"
          label={t('registry.idNumber')}
          extra={t('registry.idNumberHint')}
          rules={[{ required: true, message: t('registry.required') }, idNumberRule(t)]}
        >
          <Input maxLength={18} data-testid="id-number-input" />
        </Form.Item>
        <Form.Item name="phone" label={t('registry.phone')} rules={[{ pattern: /^[\d\s+-]{5,20}$/, message: t('registry.phoneRule') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="relationship" label={t('registry.relationship')}>
          <Select options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`registry.relationships.${r}`) }))} />
        </Form.Item>
        <Form.Item name="tags" label={t('registry.tagsTitle')}>
          <Select mode="multiple" options={TAGS.map((tag) => ({ value: tag, label: t(`registry.tags.${tag}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
