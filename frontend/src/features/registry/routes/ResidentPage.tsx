import { useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Popconfirm, Space, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import type { Dayjs } from 'dayjs';
import { problemMessage } from '@/api/problem';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/session';
import { useResident } from '../api/get-resident';
import { useChangeResidentStatus } from '../api/change-resident-status';
import { TagList } from '../components/TagList';
import { groupLabel } from '../components/fields';
import { PageShell } from '@/components/PageShell';
import { RevealButton } from '../components/RevealButton';
import { EditResidentDrawer } from '../components/EditResidentDrawer';

export function ResidentPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const me = useMe();
  const resident = useResident(id);
  const changeStatus = useChangeResidentStatus(id);
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState<Dayjs | null>(null);
  const r = resident.data;
  const isStaff = me.role === 'staff';
  const canEditPhone = me.role === 'resident' && r?.name !== undefined;

  if (resident.error) return <Alert type="error" showIcon message={problemMessage(t, resident.error)} />;
  const setStatus = (status: 'moved_out' | 'deceased' | 'active') =>
    r &&
    changeStatus
      .mutateAsync({ version: r.version, status, date: date?.format('YYYY-MM-DD') })
      .then(() => message.success(t('registry.saved')))
      .catch((e) => report(e));

  return (
    <PageShell
      loading={resident.isLoading}
      title={r?.name ?? t('registry.resident')}
      testId="resident-page"
      actions={
        r && (
          <>
            {isStaff && <RevealButton residentId={r.id} />}
            {(isStaff || canEditPhone) && (
              <Button onClick={() => setEditing(true)} data-testid="edit-resident">
                {t('registry.edit')}
              </Button>
            )}
          </>
        )
      }
    >
      {r && (
        <>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={t('registry.sex')}>{t(`registry.sexes.${r.sex}`)}</Descriptions.Item>
            <Descriptions.Item label={t('registry.birthDate')}>
              {formatDate(r.birth_date, i18n.language)}（{t('registry.ageYears', { age: r.age })}）
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.idNumber')}>
              <span data-testid="id-masked">{r.id_number_masked}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.phone')}>{r.phone_masked ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('registry.address')}>
              <Link to={`/registry/households/${r.household_id}`}>
                {groupLabel(t, r.group_number)} · {r.address}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.relationship')}>{t(`registry.relationships.${r.relationship}`)}</Descriptions.Item>
            <Descriptions.Item label={t('registry.tagsTitle')}>
              <TagList tags={r.tags} />
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.status')}>
              <Tag color={r.status === 'active' ? 'default' : 'warning'}>{t(`registry.statuses.${r.status}`)}</Tag>
              {r.status_changed_on && formatDate(r.status_changed_on, i18n.language)}
            </Descriptions.Item>
          </Descriptions>
          {isStaff && r.status !== 'deceased' && (
            <Space wrap style={{ marginTop: 16 }}>
              <DatePicker value={date} onChange={setDate} placeholder={t('registry.statusDate')} aria-label={t('registry.statusDate')} />
              {r.status === 'active' ? (
                <>
                  <Popconfirm title={t('registry.confirmMovedOut')} onConfirm={() => setStatus('moved_out')}>
                    <Button>{t('registry.markMovedOut')}</Button>
                  </Popconfirm>
                  <Popconfirm title={t('registry.confirmDeceased')} onConfirm={() => setStatus('deceased')}>
                    <Button danger>{t('registry.markDeceased')}</Button>
                  </Popconfirm>
                </>
              ) : (
                <Button onClick={() => setStatus('active')}>{t('registry.markActive')}</Button>
              )}
            </Space>
          )}
          <EditResidentDrawer resident={r} open={editing} onClose={() => setEditing(false)} phoneOnly={!isStaff} />
        </>
      )}
    </PageShell>
  );
}
