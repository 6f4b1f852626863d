// 签到 at the door: scan the QR code on the resident's phone with this phone's camera (扫码签到,
// one resident after another: QrScanModal), type or paste the code (a handheld scanner that types
// it works too), or find the resident by name. Someone who did not register is recorded as a
// walk-in. Without a camera (or its permission) the typed code and the name search remain.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { useCheckIn } from '../api/check-in';
import { useResidentSearch } from '../api/search-residents';
import { QrScanModal } from './QrScanModal';

export function CheckInBox({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const checkIn = useCheckIn();
  const [code, setCode] = useState('');
  const [query, setQuery] = useState('');
  const [residentId, setResidentId] = useState<string>();
  const [last, setLast] = useState<string>();
  const residents = useResidentSearch(query);
  const [scanning, setScanning] = useState(false);
  const [scanSession, setScanSession] = useState(0);

  const done = (name: string, walkIn: boolean) => {
    const text = walkIn ? t('events.checkedInWalkIn', { name }) : t('events.checkedIn', { name });
    setLast(text);
    void message.success(text);
  };
  const byCode = () => {
    const value = code.trim();
    if (!value) return;
    checkIn.mutate(
      { eventId, code: value },
      {
        onSuccess: (r) => {
          setCode('');
          done(r.resident_name, r.walk_in);
        },
        onError: (e) => report(e),
      },
    );
  };
  const byName = () => {
    if (!residentId) return;
    checkIn.mutate(
      { eventId, residentId },
      {
        onSuccess: (r) => {
          setResidentId(undefined);
          setQuery('');
          done(r.resident_name, r.walk_in);
        },
        onError: (e) => report(e),
      },
    );
  };

  return (
    <Card title={t('events.checkInTitle')} data-testid="check-in">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {last && <Alert type="success" showIcon message={last} data-testid="check-in-result" />}
        <Button
          type="primary"
          size="large"
          block
          icon={<ScanOutlined />}
          onClick={() => {
            setScanSession((n) => n + 1);
            setScanning(true);
          }}
          data-testid="scan-check-in"
        >
          {t('events.scanButton')}
        </Button>
        <QrScanModal key={scanSession} eventId={eventId} open={scanning} onClose={() => setScanning(false)} onCheckedIn={setLast} />
        <Form layout="vertical" onFinish={byCode} style={{ width: '100%' }}>
          <Form.Item label={t('events.codeLabel')} htmlFor="check-in-code" extra={t('events.codeHint')} style={{ marginBottom: 8 }}>
            <Input id="check-in-code" size="large" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" data-testid="check-in-code" />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" loading={checkIn.isPending} disabled={!code.trim()} data-testid="check-in-by-code">
            {t('events.checkInButton')}
          </Button>
        </Form>
        <Form layout="vertical" onFinish={byName} style={{ width: '100%' }}>
          <Form.Item label={t('events.byName')} htmlFor="check-in-name" style={{ marginBottom: 8 }}>
            <Select
              id="check-in-name"
              size="large"
              showSearch
              allowClear
              filterOption={false}
              value={residentId}
              onSearch={setQuery}
              onChange={(v: string | undefined) => setResidentId(v)}
              notFoundContent={query ? t('events.nobodyFound') : t('events.typeName')}
              placeholder={t('events.typeName')}
              loading={residents.isFetching}
              options={(residents.data?.items ?? []).map((r) => ({ value: r.id, label: r.address ? `${r.name}（${r.address}）` : r.name }))}
              data-testid="check-in-resident"
            />
          </Form.Item>
          <Button size="large" htmlType="submit" disabled={!residentId} loading={checkIn.isPending} data-testid="check-in-by-name">
            {t('events.checkInButton')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
