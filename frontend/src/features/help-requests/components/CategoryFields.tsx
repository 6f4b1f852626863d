// Choosing what a request is about from the handbook's categories: big buttons on a phone (one
// tap, no list to scroll), a searchable list at the hotline desk (type 水, Enter), the category's
// time limits under it, and the questions the category asks (a choice or a few words).
import { Alert, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category } from '../api/types';
import { KINDS, limitText } from './text';

/** Big buttons, two a row on a phone; arrow keys move between them. */
export function CategoryButtons({ id, value, onChange, categories }: { id?: string; value?: string; onChange?: (v: string) => void; categories: Category[] }) {
  return (
    <Radio.Group
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value as string)}
      buttonStyle="solid"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 8, width: '100%' }}
      data-testid="category-buttons"
    >
      {categories.map((c) => (
        <Radio.Button
          key={c.code}
          value={c.code}
          style={{
            height: 'auto',
            minHeight: 56,
            padding: '8px 12px',
            fontSize: 18,
            lineHeight: 1.4,
            display: 'flex',
            alignItems: 'center',
            whiteSpace: 'normal',
            borderRadius: 8,
          }}
        >
          {/* The button's own test id would land on its hidden input: the words carry it. */}
          <span data-testid={`category-${c.code}`}>{c.name}</span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}

/** The four kinds as large radio buttons. */
export function KindButtons({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value as string)}
      optionType="button"
      buttonStyle="solid"
      size="large"
      options={KINDS.map((k) => ({ value: k, label: t(`helpRequests.kind.${k}`) }))}
      style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
      data-testid="kind-buttons"
    />
  );
}

/** A searchable list of the categories (the hotline desk). */
export function CategorySelect({ id, value, onChange, categories }: { id?: string; value?: string; onChange?: (v: string) => void; categories: Category[] }) {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      size="large"
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      placeholder={t('helpRequests.form.categoryPlaceholder')}
      options={categories.map((c) => ({ value: c.code, label: c.name }))}
      style={{ width: '100%' }}
      data-testid="category-select"
    />
  );
}

/** "答复：2小时内 · 办结：5个工作日内", and what the category covers. */
export function CategoryLimits({ category }: { category?: Category }) {
  const { t } = useTranslation();
  if (!category) return null;
  return (
    <div data-testid="category-limits" style={{ marginTop: 4 }}>
      <Typography.Text strong>
        {t('helpRequests.form.limits', { response: limitText(t, category.response), resolution: limitText(t, category.resolution) })}
      </Typography.Text>
      {category.description && (
        <div>
          <Typography.Text type="secondary">{category.description}</Typography.Text>
        </div>
      )}
    </div>
  );
}

/** The category's own questions, under `answers.<code>`. */
export function QuestionFields({ category, large = false }: { category?: Category; large?: boolean }) {
  const { t } = useTranslation();
  const questions = category?.questions ?? [];
  if (questions.length === 0) return null;
  return (
    <>
      {questions.map((q) => (
        <Form.Item
          key={q.code}
          name={['answers', q.code]}
          label={q.label}
          rules={[{ required: q.required, whitespace: true, message: t('helpRequests.form.answerRequired') }, { max: 200 }]}
        >
          {q.choices?.length ? (
            <Radio.Group
              optionType="button"
              size="large"
              options={q.choices.map((c) => ({ value: c.key, label: c.name }))}
              style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
              data-testid={`question-${q.code}`}
            />
          ) : (
            <Input size="large" style={large ? { fontSize: 18 } : undefined} data-testid={`question-${q.code}`} />
          )}
        </Form.Item>
      ))}
    </>
  );
}

/** When no handbook is published there is nothing to choose from: say so. */
export function NoHandbook() {
  const { t } = useTranslation();
  return <Alert type="warning" showIcon message={t('helpRequests.form.noHandbook')} data-testid="no-handbook" />;
}
