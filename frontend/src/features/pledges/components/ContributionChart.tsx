// Delivered support by month, one bar group per month and one colour per kind. Each kind has its
// own measure (money, pieces, slots, person-hours), so bars show each kind's share of its own
// yearly total; the tooltip gives the figure.
import { Space, Tag, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contributions } from '../api/get-contributions';
import { formatQuantity, unitOfKind } from './text';

const KINDS = ['money', 'goods', 'venue', 'volunteer_time'] as const;
const COLORS = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1'];

export function ContributionChart({ data }: { data: Contributions }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const width = 720;
  const height = 220;
  const chartTop = 10;
  const chartBottom = height - 30;
  const groupWidth = width / 12;
  const barWidth = (groupWidth - 12) / KINDS.length;
  const max = Object.fromEntries(KINDS.map((k) => [k, Math.max(1, ...data.months.filter((m) => m.kind === k).map((m) => m.quantity))]));
  const monthName = (m: number) => new Intl.DateTimeFormat(i18n.language, { month: 'short' }).format(new Date(Date.UTC(2000, m - 1, 15)));
  return (
    <div data-testid="contribution-chart">
      <svg viewBox={`0 0 ${width} ${height}`} style={{ width: '100%', maxWidth: width }} role="img" aria-label={t('support.chartLabel')}>
        <line x1={0} x2={width} y1={chartBottom} y2={chartBottom} stroke={token.colorBorder} />
        {Array.from({ length: 12 }, (_, i) => (
          <g key={i}>
            <text x={i * groupWidth + groupWidth / 2} y={height - 10} textAnchor="middle" fontSize={11} fill={token.colorTextSecondary}>
              {monthName(i + 1)}
            </text>
            {KINDS.map((kind, k) => {
              const entry = data.months.find((m) => m.month === i + 1 && m.kind === kind);
              if (!entry) return null;
              const h = Math.max(2, ((chartBottom - chartTop) * entry.quantity) / (max[kind] ?? 1));
              return (
                <rect key={kind} x={i * groupWidth + 6 + k * barWidth} y={chartBottom - h} width={barWidth - 1} height={h} fill={COLORS[k]}>
                  <title>{`${t(`support.kind.${kind}`)}: ${formatQuantity(t, i18n.language, unitOfKind(kind), entry.quantity)}`}</title>
                </rect>
              );
            })}
          </g>
        ))}
      </svg>
      <Space wrap>
        {KINDS.map((kind, k) => (
          <Tag key={kind} color={COLORS[k]}>
            {t(`support.kind.${kind}`)}
          </Tag>
        ))}
      </Space>
    </div>
  );
}
