// The procedure of a case as a vertical list of steps: each with who acts, how long the law gives,
// when it started, is due and was done, and the rule it comes from in small type. The current
// step is marked, an overdue one says so in words. Residents get the same without staff details.
import { Card, Steps, Tag, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseStep } from '../api/get-case';
import { formatDay, stepTerm } from './text';

export function StepsCard({ c, family = false }: { c: CaseDetail; family?: boolean }) {
  const { t } = useTranslation();
  const current = c.steps.findIndex((s) => s.state === 'current');
  const finished = c.status !== 'open';
  return (
    <Card title={family ? t('assistance.my.progress') : t('assistance.steps.title')} data-testid="case-steps">
      <Steps
        direction="vertical"
        size="small"
        current={current >= 0 ? current : c.steps.length}
        status={c.status === 'refused' || c.status === 'withdrawn' ? 'error' : finished ? 'finish' : c.steps[current]?.overdue ? 'error' : 'process'}
        items={c.steps.map((s) => ({
          title: <StepTitle s={s} />,
          description: <StepDetails s={s} steps={c.steps} family={family} />,
        }))}
      />
    </Card>
  );
}

function StepTitle({ s }: { s: CaseStep }) {
  const { t } = useTranslation();
  return (
    <span data-testid={`step-${s.key}`} data-state={s.state}>
      <span style={{ fontWeight: s.state === 'current' ? 700 : 500 }}>{s.name}</span>{' '}
      <Tag color={s.state === 'done' ? 'green' : s.state === 'current' ? 'blue' : 'default'} style={{ marginInlineStart: 4 }}>
        {t(`assistance.steps.state.${s.state}`, { defaultValue: s.state })}
      </Tag>
      {s.overdue && (
        <Tag color="red" icon={<ExclamationCircleOutlined aria-hidden />}>
          {t('assistance.steps.overdue')}
        </Tag>
      )}
    </span>
  );
}

function StepDetails({ s, steps, family }: { s: CaseStep; steps: CaseStep[]; family: boolean }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatDay(d, i18n.language);
  return (
    <div style={{ color: '#434343', paddingBottom: 8 }}>
      <div>{t('assistance.cases.whoActs', { body: s.body })}</div>
      {!family && (
        <div>
          {t('assistance.steps.term')}：{stepTerm(t, s, steps)}
        </div>
      )}
      {s.started_on && <div>{t('assistance.steps.started', { day: day(s.started_on) })}</div>}
      {s.due_on && s.state !== 'done' && <div>{t('assistance.steps.due', { day: day(s.due_on) })}</div>}
      {s.completed_on && (
        <div>
          {t('assistance.steps.completed', { day: day(s.completed_on) })}
          {s.completed_by && ` · ${s.completed_by}`}
        </div>
      )}
      {s.note && <div>{t('assistance.steps.note', { note: s.note })}</div>}
      {!family && s.basis && (
        <Typography.Text type="secondary" style={{ fontSize: '0.85em', display: 'block' }}>
          {t('assistance.steps.basis', { basis: s.basis })}
        </Typography.Text>
      )}
    </div>
  );
}
