import { Button, Drawer, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../api/get-residents';
import { useUpdateResident, type UpdateResident } from '../api/update-resident';
import { useSave } from './saving';

import { idNumberRule, RELATIONSHIPS, TAGS } from './fields';

interface Values {
  name: string;
  id_number?: string;
  phone?: string;
  relationship: UpdateResident['relationship'];
  tags: UpdateResident['tags'];
}

/** Staff edit every field; a resident only their own phone. Stale edits get a clear message. */
export function EditResidentDrawer({ resident, open, onClose, phoneOnly }: { resident: Resident; open: boolean; onClose: () => void; phoneOnly: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateResident(resident.id);
  const save = useSave(update, form, onClose);

  const submit = async (values: Values) => {
    const body: UpdateResident = { version: resident.version };
    if (values.phone !== undefined) body.phone = values.phone.trim() === '' ? null : values.phone.trim();
    if (!phoneOnly) {
      if (values.name !== resident.name) body.name = values.name;
      if (values.id_number) body.id_number = values.id_number;
      if (values.relationship !== resident.relationship) body.relationship = values.relationship;
      body.tags = values.tags;
    }
    await save(body);
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('registry.edit')} width={420} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: resident.name, relationship: resident.relationship, tags: resident.tags }}
      >
        {!phoneOnly && (
          <>
            <Form.Item name="name" label={t('registry.name')} rules={[{ required: true, max: 50, message: t('registry.nameRule') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="id_number" label={t('registry.newIdNumber')} extra={t('registry.newIdNumberHint')} rules={[idNumberRule(t)]}>
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name="relationship" label={t('registry.relationship')}>
              <Select options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`registry.relationships.${r}`) }))} />
            </Form.Item>
            <Form.Item name="tags" label={t('registry.tagsTitle')}>
              <Select mode="multiple" options={TAGS.map((tag) => ({ value: tag, label: t(`registry.tags.${tag}`) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="phone"
          label={t('registry.newPhone')}
          extra={t('registry.newPhoneHint')}
          rules={[{ pattern: /^[\d\s+-]{5,20}$/, message: t('registry.phoneRule') }]}
        >
          <Input data-testid="phone-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} block>
          {t('registry.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
