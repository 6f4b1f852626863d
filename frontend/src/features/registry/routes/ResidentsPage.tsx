import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { groupLabel } from '../components/fields';
import { useReportError } from '@/lib/forms';
import { problemMessage } from '@/api/problem';
import { useMe } from '@/lib/session';
import { useGroups } from '../api/get-groups';
import { useResidents, type ResidentFilters } from '../api/get-residents';
import { downloadExport } from '../api/download';
import { ResidentTable } from '../components/ResidentTable';
import { CreateResidentModal } from '../components/CreateResidentModal';

import { SENSITIVE_TAGS, TAGS } from '../components/fields';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';

export function ResidentsPage() {
  const { t } = useTranslation();
  const report = useReportError();
  const { message } = App.useApp();
  const me = useMe();
  const isStaff = me.role === 'staff';
  const [params, setParams] = useSearchParams();
  const filters: ResidentFilters = useMemo(
    () => ({
      q: params.get('q') ?? undefined,
      group_id: params.get('group_id') ?? undefined,
      tags: params.get('tags') ?? undefined,
      status: params.get('status') ?? undefined,
      min_age: params.get('min_age') ? Number(params.get('min_age')) : undefined,
      max_age: params.get('max_age') ? Number(params.get('max_age')) : undefined,
    }),
    [params],
  );
  const residents = useResidents(filters);
  const groups = useGroups(me.role === 'staff');
  const [creating, setCreating] = useState(false);
  const rows = residents.data?.pages.flatMap((p) => p.items) ?? [];

  const apply = (values: Record<string, unknown>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) {
      if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) {
        next.set(key, Array.isArray(value) ? value.join(',') : String(value));
      }
    }
    setParams(next);
  };
  const [exporting, setExporting] = useState<'xlsx' | 'csv' | null>(null);
  const exportAs = async (format: 'xlsx' | 'csv') => {
    const key = 'export';
    setExporting(format);
    void message.open({ key, type: 'loading', content: t('registry.exporting'), duration: 0 });
    try {
      await downloadExport(format, filters);
      void message.open({ key, type: 'success', content: t('registry.exported') });
    } catch (e) {
      message.destroy(key);
      report(e);
    } finally {
      setExporting(null);
    }
  };

  return (
    <PageShell
      title={isStaff ? t('registry.residents') : me.role === 'group_leader' ? t('nav.myGroup') : t('registry.residents')}
      testId="residents-page"
      actions={
        <>
          {me.role !== 'resident' && (
            <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void exportAs('xlsx')} loading={exporting === 'xlsx'} data-testid="export-xlsx">
              {t('registry.exportXlsx')}
            </Button>
          )}
          {me.role !== 'resident' && (
            <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void exportAs('csv')} loading={exporting === 'csv'}>
              CSV
            </Button>
          )}
          {isStaff && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="create-resident">
              {t('registry.createResident')}
            </Button>
          )}
        </>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Form
          layout="inline"
          style={{ rowGap: 8 }}
          initialValues={{ ...filters, tags: filters.tags?.split(',').filter(Boolean) }}
          onFinish={apply}
          key={params.toString()}
        >
          <Form.Item name="q">
            <Input.Search
              enterButton={<SearchOutlined aria-label={t('audit.search')} />}
              allowClear
              placeholder={t('registry.searchPlaceholder')}
              aria-label={t('registry.searchPlaceholder')}
              style={{ width: 260, maxWidth: '100%' }}
              onSearch={(q) => apply({ ...filters, q })}
              data-testid="resident-search"
            />
          </Form.Item>
          {isStaff && (
            <Form.Item name="group_id">
              <Select
                allowClear
                placeholder={t('registry.anyGroup')}
                aria-label={t('registry.group')}
                style={{ width: 130 }}
                options={(groups.data ?? []).map((g) => ({ value: g.id, label: groupLabel(t, g.number) }))}
              />
            </Form.Item>
          )}
          <Form.Item name="min_age" label={t('registry.age')}>
            <InputNumber min={0} max={150} style={{ width: 64 }} placeholder={t('registry.from')} aria-label={t('registry.minAge')} controls={false} />
          </Form.Item>
          <Form.Item name="max_age">
            <InputNumber min={0} max={150} style={{ width: 64 }} placeholder={t('registry.to')} aria-label={t('registry.maxAge')} controls={false} />
          </Form.Item>
          <Form.Item name="tags">
            <Select
              mode="multiple"
              allowClear
              placeholder={t('registry.tagsTitle')}
              aria-label={t('registry.tagsTitle')}
              style={{ minWidth: 120 }}
              options={TAGS.filter((tag) => isStaff || !SENSITIVE_TAGS.includes(tag)).map((tag) => ({ value: tag, label: t(`registry.tags.${tag}`) }))}
            />
          </Form.Item>
          <Form.Item name="status">
            <Select
              style={{ width: 96 }}
              placeholder={t('registry.statuses.active')}
              aria-label={t('registry.status')}
              options={['active', 'moved_out', 'deceased', 'all'].map((s) => ({ value: s, label: t(`registry.statuses.${s}`) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('audit.search')}
          </Button>
        </Form>
        <Typography.Text type="secondary">{t('registry.searchHint')}</Typography.Text>
        {residents.error && <Alert type="error" showIcon message={problemMessage(t, residents.error)} />}
        <ResidentTable residents={rows} loading={residents.isLoading} />
        <LoadMore hasMore={residents.hasNextPage} loading={residents.isFetchingNextPage} count={rows.length} onLoad={() => void residents.fetchNextPage()} />
      </Space>
      {isStaff && <CreateResidentModal open={creating} onClose={() => setCreating(false)} />}
    </PageShell>
  );
}
