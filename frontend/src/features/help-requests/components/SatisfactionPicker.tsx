// How satisfied the person is, as five big buttons with words (很不满意 … 很满意) and stars beside
// them: words an older person can read and tap, stars as a second sign. Arrow keys move along.
import { Radio } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SATISFACTION, satisfactionText } from './text';

export function SatisfactionPicker({ id, value, onChange }: { id?: string; value?: number; onChange?: (v: number) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value as number)}
      buttonStyle="solid"
      style={{ display: 'flex', flexDirection: 'column', gap: 8, width: '100%' }}
      data-testid="satisfaction"
    >
      {[...SATISFACTION].reverse().map((n) => (
        <Radio.Button
          key={n}
          value={n}
          style={{ height: 'auto', minHeight: 52, padding: '8px 16px', fontSize: 18, lineHeight: 1.4, borderRadius: 8, borderInlineStartWidth: 1 }}
        >
          {/* The button's own test id would land on its hidden input: the words carry it. */}
          <span data-testid={`satisfaction-${n}`}>
            <span style={{ display: 'inline-block', minWidth: 104, color: 'inherit' }} aria-hidden>
              {Array.from({ length: n }, (_, i) => (
                <StarFilled key={i} />
              ))}
            </span>{' '}
            {satisfactionText(t, n)}
          </span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}
