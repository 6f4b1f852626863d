import { App, Form, Input, Modal, Select, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { groupLabel } from './fields';
import { useGroups } from '../api/get-groups';
import { useCreateHousehold, type CreateHousehold } from '../api/create-household';
import { useReportError } from '@/lib/forms';

export function CreateHouseholdModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateHousehold>();
  const groups = useGroups(open);
  const create = useCreateHousehold();
  const submit = async (values: CreateHousehold) => {
    try {
      const created = await create.mutateAsync(values);
      message.success(t('registry.created'));
      onClose();
      navigate(`/registry/households/${created.id}`);
    } catch (error) {
      report(error, form);
    }
  };
  return (
    <Modal
      open={open}
      title={t('registry.createHousehold')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('registry.save')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<CreateHousehold> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="group_id" label={t('registry.group')} rules={[{ required: true, message: t('registry.required') }]}>
          <Select options={(groups.data ?? []).map((g) => ({ value: g.id, label: groupLabel(t, g.number) }))} />
        </Form.Item>
        <Form.Item name="road" label={t('registry.road')} rules={[{ required: true, max: 50, message: t('registry.required') }]}>
          <Input placeholder="朝阳路" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="building" label={t('registry.building')} rules={[{ max: 20 }]}>
            <Input placeholder="12幢" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="unit" label={t('registry.unit')} rules={[{ max: 20 }]}>
            <Input placeholder="2单元" style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="room" label={t('registry.room')} rules={[{ max: 20 }]}>
            <Input placeholder="301室" style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Form.Item name="phone" label={t('registry.householdPhone')} rules={[{ pattern: /^[\d\s+-]{5,20}$/, message: t('registry.phoneRule') }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
