// 为居民报名 (leaders and staff): find a resident by name — a leader finds only their group's —
// and register them; older people are often registered by their leader or family.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { useRegister } from '../api/create-registration';
import { useResidentSearch } from '../api/search-residents';

export function RegisterResidentCard({ eventId, full }: { eventId: string; full: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const register = useRegister();
  const [query, setQuery] = useState('');
  const [resident, setResident] = useState<{ value: string; label: string }>();
  const [last, setLast] = useState<string>();
  const residents = useResidentSearch(query);
  const submit = () => {
    if (!resident) return;
    register.mutate(
      { eventId, residentId: resident.value },
      {
        onSuccess: (r) => {
          const text = r.status === 'waitlisted' ? t('events.waitlistedFor', { name: r.resident_name }) : t('events.registeredFor', { name: r.resident_name });
          setLast(text);
          setResident(undefined);
          setQuery('');
          void message.success(text);
        },
        onError: (e) => report(e),
      },
    );
  };
  return (
    <Card title={t('events.registerResidentTitle')} data-testid="register-resident">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {last && <Alert type="success" showIcon message={last} data-testid="register-resident-result" />}
        {full && <Alert type="info" showIcon message={t('events.registerResidentFull')} />}
        <Form layout="vertical" onFinish={submit} style={{ width: '100%' }}>
          <Form.Item
            label={t('events.registerResidentLabel')}
            htmlFor="register-resident-name"
            extra={t('events.registerResidentHint')}
            style={{ marginBottom: 8 }}
          >
            <Select
              id="register-resident-name"
              size="large"
              showSearch
              allowClear
              labelInValue
              filterOption={false}
              value={resident}
              onSearch={setQuery}
              onChange={(v: { value: string; label: string } | undefined) => setResident(v)}
              notFoundContent={query ? t('events.nobodyFound') : t('events.typeName')}
              placeholder={t('events.typeName')}
              loading={residents.isFetching}
              options={(residents.data?.items ?? []).map((r) => ({ value: r.id, label: r.address ? `${r.name}（${r.address}）` : r.name }))}
              data-testid="register-resident-select"
            />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" disabled={!resident} loading={register.isPending} data-testid="register-resident-submit">
            {full ? t('events.joinWaitlistFor') : t('events.registerFor')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
