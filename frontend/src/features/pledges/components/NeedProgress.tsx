// A need's progress: delivered (solid) and accepted (lighter) against the target.
import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Need } from '../api/get-needs';
import { formatQuantity } from './text';

export function NeedProgress({ need }: { need: Need }) {
  const { t, i18n } = useTranslation();
  const p = need.progress;
  if (!p) return null;
  const target = need.target_quantity;
  const percent = (n: number) => (target ? Math.min(100, Math.round((n / target) * 100)) : 0);
  const fmt = (n: number) => formatQuantity(t, i18n.language, need.unit, n);
  return (
    <div>
      {target ? (
        <Progress
          percent={percent(p.accepted)}
          success={{ percent: percent(p.fulfilled) }}
          size="small"
          aria-label={t('support.progressOf', { title: need.title })}
        />
      ) : null}
      <Typography.Text type="secondary">
        {t('support.progressLine', { pledged: fmt(p.pledged), accepted: fmt(p.accepted), fulfilled: fmt(p.fulfilled) })}
        {target ? ` · ${t('support.target')} ${fmt(target)}` : ''}
      </Typography.Text>
    </div>
  );
}
