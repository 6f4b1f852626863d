import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/api/client';
import { IMPORT_STATUS_COLORS, importStatusLabel } from './importText';

export function ImportStatusTag({ job }: { job: Pick<Schemas['ImportSummaryDto'], 'status' | 'dry_run'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={IMPORT_STATUS_COLORS[job.status]} data-testid="import-status" style={{ marginInlineEnd: 0 }}>
      {importStatusLabel(t, job)}
    </Tag>
  );
}
