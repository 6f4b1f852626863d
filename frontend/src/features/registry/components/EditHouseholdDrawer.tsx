import { Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupLabel } from './fields';
import { useGroups } from '../api/get-groups';
import type { HouseholdDetail } from '../api/get-household';
import { useUpdateHousehold, type UpdateHousehold } from '../api/update-household';
import { useSave } from './saving';

interface Values {
  group_id: string;
  road: string;
  building: string;
  unit: string;
  room: string;
  phone?: string;
  head_resident_id?: string | null;
}

/** Staff correct a household's address, group, phone and head. Only changed fields are sent. */
export function EditHouseholdDrawer({ detail, open, onClose }: { detail: HouseholdDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const groups = useGroups(open);
  const h = detail.household;
  const update = useUpdateHousehold(h.id);
  const save = useSave(update, form, onClose);

  const submit = async (values: Values) => {
    const body: UpdateHousehold = { version: h.version };
    if (values.group_id !== h.group_id) body.group_id = values.group_id;
    for (const key of ['road', 'building', 'unit', 'room'] as const) {
      if ((values[key] ?? '') !== h[key]) body[key] = values[key] ?? '';
    }
    if (values.phone !== undefined && values.phone !== '') body.phone = values.phone.trim();
    if ((values.head_resident_id ?? null) !== (h.head_resident_id ?? null)) body.head_resident_id = values.head_resident_id ?? null;
    await save(body);
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('registry.editHousehold')} width={420} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ group_id: h.group_id, road: h.road, building: h.building, unit: h.unit, room: h.room, head_resident_id: h.head_resident_id }}
      >
        <Form.Item name="group_id" label={t('registry.group')}>
          <Select options={(groups.data ?? []).map((g) => ({ value: g.id, label: groupLabel(t, g.number) }))} />
        </Form.Item>
        <Form.Item name="road" label={t('registry.road')} rules={[{ required: true, max: 50, message: t('registry.required') }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="building" label={t('registry.building')} rules={[{ max: 20 }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="unit" label={t('registry.unit')} rules={[{ max: 20 }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="room" label={t('registry.room')} rules={[{ max: 20 }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="phone"
          label={t('registry.householdPhone')}
          extra={t('registry.newPhoneHint')}
          rules={[{ pattern: /^[\d\s+-]{5,20}$/, message: t('registry.phoneRule') }]}
        >
          <Input placeholder={h.phone_masked ?? ''} />
        </Form.Item>
        <Form.Item name="head_resident_id" label={t('registry.head')}>
          <Select allowClear options={detail.members.filter((m) => m.status === 'active').map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} block>
          {t('registry.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
