// One place to turn to: who it is, a big button that dials it, when it is open, where it is and
// what to bring. Lines without content are left out, so a card is never padded with dashes.
import { Button, Card, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Entry } from '../api/types';
import { telHref } from './handbook';

export function EntryCard({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const line = (label: string, value: string, testId: string) =>
    value.trim() && (
      <p className="xg-handbook-line" data-testid={testId}>
        <span className="xg-handbook-label">{label}：</span>
        {value}
      </p>
    );
  return (
    <Card size="small" className="xg-handbook-entry" data-testid="handbook-entry">
      <div className="xg-handbook-entry-head">
        <h3 className="xg-handbook-entry-name">{entry.name}</h3>
        <Tag>{t(`handbook.party.${entry.party}`)}</Tag>
      </div>
      {entry.phone.trim() && (
        <Button
          type="primary"
          size="large"
          block
          className="xg-handbook-call"
          href={telHref(entry.phone)}
          icon={<PhoneOutlined aria-hidden />}
          aria-label={t('handbook.callWho', { name: entry.name, phone: entry.phone })}
          data-testid="handbook-call"
        >
          {t('handbook.call', { phone: entry.phone })}
        </Button>
      )}
      {line(t('handbook.hours'), entry.hours, 'handbook-hours')}
      {line(t('handbook.address'), entry.address, 'handbook-address')}
      {entry.bring.trim() && (
        <Typography.Paragraph className="xg-handbook-line xg-handbook-bring" data-testid="handbook-bring">
          {t('handbook.bring', { what: entry.bring })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
