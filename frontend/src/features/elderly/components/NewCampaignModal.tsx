// 新建走访 (staff): a name ("2026年重阳节走访"), the festival's day (ages are counted on it; the
// next 重阳节 by default) and who is on the list — residents from 80, group cadres from 70
// (empty: no cadres). The worklist is made at once, each person under their group's leader.
import { App, DatePicker, Form, Input, InputNumber, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { todayInCommunity } from '@/lib/dates';
import { useCreateCampaign } from '../api/create-campaign';
import { defaultCampaignName, nextChongyang } from './text';

interface Values {
  name: string;
  festival_on: Dayjs;
  resident_min_age: number;
  cadre_min_age?: number | null;
}

export function NewCampaignModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useReportError();
  const create = useCreateCampaign();
  const [form] = Form.useForm<Values>();
  const today = todayInCommunity();
  const festival = nextChongyang(today) ?? today;
  return (
    <Modal
      open={open}
      title={t('elderly.newCampaign')}
      okText={t('elderly.createCampaign')}
      cancelText={t('elderly.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'create-campaign' } as ButtonProps}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ name: defaultCampaignName(t, festival), festival_on: dayjs(festival), resident_min_age: 80, cadre_min_age: 70 }}
        onFinish={(v) =>
          create.mutate(
            {
              name: v.name.trim(),
              festival_on: v.festival_on.format('YYYY-MM-DD'),
              resident_min_age: v.resident_min_age,
              cadre_min_age: v.cadre_min_age ?? null,
            },
            {
              onSuccess: (campaign) => {
                void message.success(t('elderly.campaignCreated', { count: campaign.total }));
                onClose();
                navigate(`/elderly/visits/${campaign.id}`);
              },
              onError: (e) => report(e, form),
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('elderly.campaignName')}
          rules={[{ required: true, whitespace: true, message: t('elderly.campaignNameRequired') }, { max: 50 }]}
        >
          <Input data-testid="campaign-name" />
        </Form.Item>
        <Form.Item name="festival_on" label={t('elderly.festivalOn')} extra={t('elderly.festivalHint')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="festival-on" />
        </Form.Item>
        <Form.Item name="resident_min_age" label={t('elderly.residentMinAge')} rules={[{ required: true, type: 'number', min: 50, max: 120 }]}>
          <InputNumber<number> min={50} max={120} precision={0} controls={false} inputMode="numeric" suffix={t('elderly.yearsOld')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="cadre_min_age" label={t('elderly.cadreMinAge')} extra={t('elderly.cadreHint')} rules={[{ type: 'number', min: 50, max: 120 }]}>
          <InputNumber<number> min={50} max={120} precision={0} controls={false} inputMode="numeric" suffix={t('elderly.yearsOld')} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
