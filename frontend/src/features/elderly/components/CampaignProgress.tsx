// A campaign's progress: a bar and, in words, "已走访 12 / 18" (the bar is never the only sign).
import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { percentOf, progressText } from './text';

export function CampaignProgress({ visited, total, label, large = false }: { visited: number; total: number; label: string; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong={large} style={large ? { fontSize: '1.25em' } : undefined} data-testid="progress-text">
        {progressText(t, visited, total)}
      </Typography.Text>
      <Progress percent={percentOf(visited, total)} size={large ? ['100%', 12] : 'small'} aria-label={label} style={{ margin: 0 }} />
    </div>
  );
}
