// One person to visit on a leader's phone, large: the whole card is one button (one tap opens the
// visit sheet) — name, age, address, 独居, and whether they have been visited, in words.
import type { CSSProperties } from 'react';
import { Tag, theme } from 'antd';
import { CheckCircleOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../api/get-visits';
import { ConditionTag, FollowUpTag, PersonMarks, ReasonTag } from './Marks';

const line: CSSProperties = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 };

export function PersonCard({ visit, onOpen }: { visit: Visit; onOpen: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const done = !!visit.visited_on;
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid="person-card"
      data-visited={done}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        width: '100%',
        minHeight: 88,
        padding: 14,
        textAlign: 'start',
        font: 'inherit',
        color: token.colorText,
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorder}`,
        borderInlineStart: done ? `1px solid ${token.colorBorder}` : `5px solid ${token.colorPrimary}`,
        borderRadius: token.borderRadiusLG,
        cursor: 'pointer',
      }}
    >
      <span style={{ display: 'flex', flexDirection: 'column', gap: 6, flex: 1, minWidth: 0 }}>
        <span style={{ ...line, alignItems: 'baseline', gap: 12 }}>
          <strong style={{ fontSize: '1.375em' }} data-testid="person-name">
            {visit.name}
          </strong>
          <span style={{ fontSize: '1.125em' }}>{t('elderly.ageYears', { age: visit.age })}</span>
        </span>
        <span style={{ overflowWrap: 'anywhere' }}>{visit.address}</span>
        <span style={line}>
          {done ? (
            <>
              <Tag color="green" icon={<CheckCircleOutlined aria-hidden />} style={{ marginInlineEnd: 0 }} data-testid="person-visited">
                {t('elderly.visitedShort')}
              </Tag>
              {visit.condition && <ConditionTag condition={visit.condition} />}
              {visit.follow_up && <FollowUpTag />}
            </>
          ) : (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="person-not-visited">
              {t('elderly.notVisited')}
            </Tag>
          )}
          <PersonMarks livingAlone={visit.living_alone} disabled={visit.disabled} />
          {visit.reason === 'cadre' && <ReasonTag reason="cadre" />}
        </span>
      </span>
      <RightOutlined aria-hidden style={{ color: token.colorTextSecondary }} />
    </button>
  );
}
