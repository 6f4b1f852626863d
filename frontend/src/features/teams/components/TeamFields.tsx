// The fields of a team, for creating one and for editing it: name, what it does, when and where
// it practises, and the resident who leads it.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ResidentPicker } from '@/components/ResidentPicker';

export interface TeamValues {
  name: string;
  description?: string;
  practice_schedule?: string;
  leader_resident_id?: string | null;
}

export function TeamFields({ leader }: { leader?: { value: string; label: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t('teams.name')} rules={[{ required: true, whitespace: true, message: t('teams.nameRequired') }]}>
        <Input size="large" maxLength={50} data-testid="team-name" />
      </Form.Item>
      <Form.Item name="practice_schedule" label={t('teams.schedule')} extra={t('teams.scheduleHint')}>
        <Input size="large" maxLength={200} data-testid="team-schedule" />
      </Form.Item>
      <Form.Item name="leader_resident_id" label={t('teams.leader')} extra={t('teams.leaderHint')}>
        <ResidentPicker initial={leader} testId="team-leader" />
      </Form.Item>
      <Form.Item name="description" label={t('teams.description')}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="team-description" />
      </Form.Item>
    </>
  );
}

/** The form's values as the API takes them. */
export function teamRequest(v: TeamValues) {
  return {
    name: v.name.trim(),
    description: v.description?.trim() ?? '',
    practice_schedule: v.practice_schedule?.trim() ?? '',
    leader_resident_id: v.leader_resident_id ?? null,
  };
}
