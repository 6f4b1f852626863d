// How an import is put into words: its status in plain Chinese (a failed check is not a failed
// import) and what it did, in one line.
import type { TFunction } from 'i18next';
import type { Schemas } from '@/api/client';

type ImportStatus = Schemas['ImportStatus'];
type ImportLike = Pick<
  Schemas['ImportSummaryDto'],
  'status' | 'dry_run' | 'error_count' | 'total_rows' | 'processed_rows' | 'households_created' | 'residents_created' | 'residents_skipped'
>;

/** Tag colours; styles.css darkens each preset's text to ≥ 4.5:1 on its tint. */
export const IMPORT_STATUS_COLORS: Record<ImportStatus, string> = {
  running: 'blue',
  validated: 'cyan',
  imported: 'green',
  failed: 'red',
  interrupted: 'gold',
};

export function importStatusLabel(t: TFunction, job: Pick<ImportLike, 'status' | 'dry_run'>): string {
  if (job.status === 'failed' && job.dry_run) return t('registry.import.status.checkFailed');
  return t(`registry.import.status.${job.status}`);
}

/** What the import did (or, for a check, would do): "新增 12 户 30 人，跳过 2 人", "3 行有误". */
export function describeImport(t: TFunction, job: ImportLike): string {
  if (job.error_count > 0) return t('registry.import.rowsWrong', { count: job.error_count });
  switch (job.status) {
    case 'running':
      return t('registry.import.progressLine', { processed: job.processed_rows, total: job.total_rows });
    case 'interrupted':
    case 'failed':
      return t('registry.import.nothingWrittenShort');
    case 'validated':
    case 'imported': {
      const counts = { households: job.households_created, residents: job.residents_created };
      const added = job.dry_run ? t('registry.import.wouldAdd', counts) : t('registry.import.added', counts);
      return job.residents_skipped > 0 ? added + t('registry.import.skippedPart', { count: job.residents_skipped }) : added;
    }
  }
}
