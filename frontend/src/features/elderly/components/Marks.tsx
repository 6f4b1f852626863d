// The small marks of the elderly pages, each in words (the colour is never the only sign):
// 独居, 残疾 (staff only: a leader's data carries null), the 优待证's status, a visit's condition,
// why someone is on the visit list, and 需跟进.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { conditionColor, conditionLabel, reasonLabel, type CardStatus, type VisitCondition, type VisitReason } from './text';

const tag = { marginInlineEnd: 0 };

/** 独居 and, where the data carries it (staff), 残疾. */
export function PersonMarks({ livingAlone, disabled }: { livingAlone: boolean; disabled?: boolean | null }) {
  const { t } = useTranslation();
  if (!livingAlone && !disabled) return null;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {livingAlone && (
        <Tag color="orange" style={tag} data-testid="living-alone-mark">
          {t('elderly.livingAlone')}
        </Tag>
      )}
      {disabled === true && (
        <Tag color="purple" style={tag} data-testid="disabled-mark">
          {t('elderly.disabled')}
        </Tag>
      )}
    </span>
  );
}

/** 未登记 / 已申请 / 已发证. */
export function CardStatusTag({ status }: { status?: CardStatus | null }) {
  const { t } = useTranslation();
  if (!status) return <Tag style={tag}>{t('elderly.cardStatus.none')}</Tag>;
  return (
    <Tag color={status === 'issued' ? 'green' : 'blue'} style={tag} data-testid="card-status">
      {t(`elderly.cardStatus.${status}`)}
    </Tag>
  );
}

export function ConditionTag({ condition }: { condition: VisitCondition }) {
  const { t } = useTranslation();
  return (
    <Tag color={conditionColor(condition)} style={tag} data-testid="condition">
      {conditionLabel(t, condition)}
    </Tag>
  );
}

export function ReasonTag({ reason }: { reason: VisitReason }) {
  const { t } = useTranslation();
  return <Tag style={tag}>{reasonLabel(t, reason)}</Tag>;
}

export function FollowUpTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" style={tag} data-testid="follow-up-mark">
      {t('elderly.followUp')}
    </Tag>
  );
}
