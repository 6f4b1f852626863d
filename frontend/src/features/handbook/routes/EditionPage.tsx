// One edition of the handbook (staff). A draft is edited here whole: its title, its categories
// (each also a kind of help request and an Open311 service: code, name, description, the usual
// kind, the response and resolution limits, the questions asked when filing) and the places to
// turn to in each. Categories and entries are added, removed and put in order with buttons, so
// all of it works from the keyboard. 保存 sends the whole edition with the version loaded; the
// server's field errors land on the inputs they name. 发布 freezes it and makes it the edition
// residents read. A published edition is shown read-only: changes go into a new draft.
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Typography,
  type ButtonProps,
  type FormInstance,
} from 'antd';
import type { Rule } from 'antd/es/form';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CloudUploadOutlined,
  DeleteOutlined,
  DownloadOutlined,
  PlusOutlined,
  PrinterOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { useBlocker, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiProblem } from '@/api/problem';
import { KeyboardPopconfirm } from '@/components/KeyboardPopconfirm';
import { LinkButton } from '@/components/LinkButton';
import { NotFound } from '@/components/NotFound';
import { PageShell } from '@/components/PageShell';
import { useReportError } from '@/lib/forms';
import { downloadHandbookPdf } from '../api/download-pdf';
import { useEdition } from '../api/get-edition';
import { usePublishEdition } from '../api/publish-edition';
import { useUpdateEdition } from '../api/update-edition';
import { LIMIT_UNITS, PARTY_KINDS, REQUEST_KINDS, type Category, type Entry, type Handbook, type Question } from '../api/types';
import { EditionStatus } from '../components/EditionStatus';
import { fieldPath } from '../components/handbook';
import { CODE, handbookFieldMessage, isPhone, maxAmount } from '../components/rules';
import { formatDay } from '../components/labels';
import './handbook.css';

interface Values {
  title: string;
  categories: Category[];
}

const NEW_CATEGORY: Category = {
  code: '',
  name: '',
  description: '',
  kind: 'help',
  response: { amount: 2, unit: 'hours' },
  resolution: { amount: 5, unit: 'working_days' },
  questions: [],
  entries: [],
};
const NEW_ENTRY: Entry = { name: '', party: 'office', phone: '', hours: '', address: '', bring: '' };
const NEW_QUESTION: Question = { code: '', label: '', required: false, choices: [] };

const trim = (s: string | null | undefined) => (s ?? '').trim();

/** What the form holds, as the API takes it: trimmed text, whole numbers, lists never missing. */
function toInput(values: Values): Values {
  return {
    title: trim(values.title),
    categories: (values.categories ?? []).map((c) => ({
      code: trim(c.code),
      name: trim(c.name),
      description: trim(c.description),
      kind: c.kind,
      response: { amount: Number(c.response?.amount ?? 0), unit: c.response?.unit ?? 'hours' },
      resolution: { amount: Number(c.resolution?.amount ?? 0), unit: c.resolution?.unit ?? 'working_days' },
      questions: (c.questions ?? []).map((q) => ({
        code: trim(q.code),
        label: trim(q.label),
        required: !!q.required,
        choices: (q.choices ?? []).map((ch) => ({ key: trim(ch.key), name: trim(ch.name) })),
      })),
      entries: (c.entries ?? []).map((e) => ({
        name: trim(e.name),
        party: e.party,
        phone: trim(e.phone),
        hours: trim(e.hours),
        address: trim(e.address),
        bring: trim(e.bring),
      })),
    })),
  };
}

// The server's rules, checked before sending (see components/rules.ts).
const required = (t: TFunction): Rule[] => [{ required: true, whitespace: true, message: t('fieldRules.required') }];
const max = (t: TFunction, n: number): Rule => ({ max: n, message: t('fieldRules.maxLength', { max: n }) });
const code = (t: TFunction): Rule => ({ pattern: CODE, message: t('handbook.rules.code') });
const phone = (t: TFunction): Rule => ({
  validator: (_, v: string | undefined) => (!v?.trim() || isPhone(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('handbook.rules.phone')))),
});

export function EditionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const report = useReportError();
  const edition = useEdition(id);
  const [downloading, setDownloading] = useState(false);
  const e = edition.data;
  if (edition.error instanceof ApiProblem && edition.error.status === 404) return <NotFound />;
  const download = async (number: number) => {
    setDownloading(true);
    try {
      await downloadHandbookPdf(t('handbook.pdfNameEdition', { number }), id);
    } catch (error) {
      report(error);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <PageShell
      title={e ? t('handbook.editorTitle', { number: e.number }) : t('handbook.editionsTitle')}
      loading={edition.isLoading}
      testId="edition-page"
      bare
      actions={
        e && (
          <Space wrap>
            <LinkButton to={`/handbook/editions/${id}/print`} size="large" icon={<PrinterOutlined aria-hidden />} data-testid="edition-print">
              {t('handbook.printPreview')}
            </LinkButton>
            <Button
              size="large"
              icon={<DownloadOutlined aria-hidden />}
              loading={downloading}
              onClick={() => void download(e.number)}
              data-testid="edition-pdf"
            >
              {t('handbook.downloadPdf')}
            </Button>
          </Space>
        )
      }
    >
      {edition.isError && !e && <Alert type="error" showIcon message={t('handbook.loadFailed')} />}
      {e && <Editor key={e.id} edition={e} />}
    </PageShell>
  );
}

function Editor({ edition }: { edition: Handbook }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const update = useUpdateEdition(edition.id);
  const publish = usePublishEdition(edition.id);
  const [dirty, setDirty] = useState(false);
  // Refused fields the form has no input for (none expected; said rather than lost).
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const readOnly = edition.status === 'published';
  const changed = () => setDirty(true);

  // Leaving with unsaved changes asks first, inside the app and when closing the tab.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (ev: BeforeUnloadEvent) => ev.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** Puts the server's field errors on their inputs; whether there were any. */
  const showFieldErrors = (error: unknown): boolean => {
    if (!(error instanceof ApiProblem) || error.errors.length === 0) return false;
    // The server names fields by path (categories[2].entries[0].phone), not by this form's types.
    const loose = form as FormInstance;
    const placed: (string | number)[][] = [];
    const other: string[] = [];
    const fields = error.errors.flatMap((fe) => {
      const name = fieldPath(fe.field);
      const text = handbookFieldMessage(t, fe.message);
      if (loose.getFieldValue(name) === undefined && !loose.getFieldInstance(name)) {
        other.push(`${fe.field}：${text}`);
        return [];
      }
      placed.push(name);
      return [{ name, errors: [text] }];
    });
    loose.setFields(fields);
    setOtherErrors(other);
    if (placed[0]) loose.scrollToField(placed[0], { block: 'center', focus: true });
    void message.error(t('handbook.fixErrors', { count: error.errors.length }));
    return true;
  };

  const save = async (): Promise<Handbook | null> => {
    try {
      await form.validateFields();
    } catch (invalid) {
      const first = (invalid as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) (form as FormInstance).scrollToField(first.name, { block: 'center', focus: true });
      void message.error(t('handbook.fixErrorsLocal'));
      return null;
    }
    const values = toInput(form.getFieldsValue(true) as Values);
    try {
      const saved = await update.mutateAsync({ version: edition.version, ...values });
      form.setFieldsValue({ title: saved.title, categories: saved.categories });
      setDirty(false);
      setOtherErrors([]);
      void message.success(t('handbook.saved'));
      return saved;
    } catch (error) {
      if (error instanceof ApiProblem && error.code === 'invalid_transition') void message.error(t('handbook.frozen'));
      else if (!showFieldErrors(error)) report(error);
      return null;
    }
  };

  const confirmPublish = () =>
    modal.confirm({
      title: t('handbook.publishTitle', { number: edition.number }),
      content: t('handbook.publishConfirm'),
      okText: t('handbook.publish'),
      cancelText: t('handbook.cancel'),
      okButtonProps: { size: 'large', 'data-testid': 'confirm-publish' } as ButtonProps,
      cancelButtonProps: { size: 'large' },
      onOk: async () => {
        let version = edition.version;
        // Publishing what is on the screen: unsaved changes are saved first.
        if (dirty) {
          const saved = await save();
          if (!saved) return;
          version = saved.version;
        }
        try {
          await publish.mutateAsync(version);
          void message.success(t('handbook.published', { number: edition.number }));
        } catch (error) {
          // Published meanwhile, or nothing in it yet: said as such rather than "the state changed".
          if (error instanceof ApiProblem && error.code === 'invalid_transition') void message.error(t('handbook.publishRefused'));
          else report(error);
        }
      },
    });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <EditionStatus status={edition.status} />
        {edition.published_on && <span>{t('handbook.publishedOnDay', { date: formatDay(edition.published_on, i18n.language) })}</span>}
      </Space>
      {readOnly && <Alert type="info" showIcon message={t('handbook.frozen')} data-testid="edition-frozen" />}
      {otherErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('handbook.otherErrors')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {otherErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form<Values>
        form={form}
        name="edition"
        layout="vertical"
        disabled={readOnly}
        initialValues={{ title: edition.title, categories: edition.categories }}
        onValuesChange={changed}
        onFinish={() => void save()}
        scrollToFirstError
      >
        <Card size="small">
          <Form.Item name="title" label={t('handbook.editionTitle')} rules={[...required(t), max(t, 100)]}>
            <Input size="large" data-testid="edition-title" />
          </Form.Item>
        </Card>
        <Form.List name="categories">
          {(fields, { add, remove, move }) => (
            <Space direction="vertical" size="middle" style={{ width: '100%', marginTop: 16 }}>
              {fields.map((field, index) => (
                <CategoryCard
                  key={field.key}
                  form={form}
                  name={field.name}
                  index={index}
                  count={fields.length}
                  readOnly={readOnly}
                  onMove={(to) => {
                    move(index, to);
                    changed();
                  }}
                  onRemove={() => {
                    remove(index);
                    changed();
                  }}
                  onChange={changed}
                />
              ))}
              {fields.length === 0 && <Typography.Text type="secondary">{t('handbook.noCategories')}</Typography.Text>}
              {!readOnly && (
                <Button
                  size="large"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => {
                    add(structuredClone(NEW_CATEGORY));
                    changed();
                  }}
                  data-testid="add-category"
                >
                  {t('handbook.addCategory')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
        {!readOnly && (
          <div className="xg-handbook-toolbar" data-testid="edition-toolbar">
            <Button type="primary" size="large" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={update.isPending} data-testid="save-edition">
              {t('handbook.save')}
            </Button>
            <Button size="large" icon={<CloudUploadOutlined aria-hidden />} onClick={confirmPublish} loading={publish.isPending} data-testid="publish-edition">
              {t('handbook.publish')}
            </Button>
            <span aria-live="polite" className="xg-handbook-dirty" data-testid="edition-dirty">
              {dirty ? t('handbook.unsaved') : ''}
            </span>
          </div>
        )}
      </Form>
      <Modal
        open={blocker.state === 'blocked'}
        title={t('handbook.leaveTitle')}
        okText={t('handbook.leave')}
        cancelText={t('handbook.stay')}
        okButtonProps={{ danger: true, size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        {t('handbook.leaveText')}
      </Modal>
    </Space>
  );
}

/** Up, down and remove for one item of a list; hidden when the edition is read-only. */
function ItemButtons({
  what,
  index,
  count,
  readOnly,
  onMove,
  remove,
}: {
  what: string;
  index: number;
  count: number;
  readOnly: boolean;
  onMove: (to: number) => void;
  remove: React.ReactNode;
}) {
  const { t } = useTranslation();
  if (readOnly) return null;
  return (
    <Space wrap size={4}>
      <Button icon={<ArrowUpOutlined aria-hidden />} disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('handbook.moveUp', { what })} />
      <Button
        icon={<ArrowDownOutlined aria-hidden />}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
        aria-label={t('handbook.moveDown', { what })}
      />
      {remove}
    </Space>
  );
}

function CategoryCard({
  form,
  name,
  index,
  count,
  readOnly,
  onMove,
  onRemove,
  onChange,
}: {
  form: FormInstance<Values>;
  name: number;
  index: number;
  count: number;
  readOnly: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const categoryName = Form.useWatch(['categories', name, 'name'], form) as string | undefined;
  const what = t('handbook.categoryN', { n: index + 1, name: categoryName ?? '' });
  const addEntryRef = useRef<HTMLButtonElement>(null);
  const addQuestionRef = useRef<HTMLButtonElement>(null);
  return (
    <Card
      size="small"
      data-testid="edition-category"
      title={
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
          {what}
        </Typography.Title>
      }
      extra={
        <ItemButtons
          what={what}
          index={index}
          count={count}
          readOnly={readOnly}
          onMove={onMove}
          remove={
            <KeyboardPopconfirm
              title={t('handbook.removeCategoryConfirm')}
              okText={t('handbook.remove')}
              cancelText={t('handbook.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={onRemove}
            >
              <Button danger icon={<DeleteOutlined aria-hidden />} aria-label={t('handbook.removeWhat', { what })} />
            </KeyboardPopconfirm>
          }
        />
      }
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name={[name, 'name']} label={t('handbook.categoryName')} rules={[...required(t), max(t, 50)]}>
            <Input data-testid="category-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name={[name, 'code']} label={t('handbook.categoryCode')} extra={t('handbook.categoryCodeHint')} rules={[...required(t), code(t)]}>
            <Input data-testid="category-code" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          {/* No `required` rule: it would put aria-required on the Select's wrapper (not allowed there); a kind is always chosen. */}
          <Form.Item name={[name, 'kind']} label={t('handbook.kindLabel')}>
            <Select options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`handbook.kind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={[name, 'description']} label={t('handbook.description')} rules={[max(t, 500)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
        {(['response', 'resolution'] as const).map((limit) => (
          <Col xs={24} md={12} key={limit}>
            <LimitField name={[name, limit]} path={['categories', name, limit]} label={t(`handbook.${limit}`)} />
          </Col>
        ))}
      </Row>

      <Typography.Title level={5}>{t('handbook.questions')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('handbook.questionsHint')}</Typography.Paragraph>
      <Form.List name={[name, 'questions']}>
        {(questions, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
            {questions.map((q, qi) => (
              <Card key={q.key} size="small" type="inner" data-testid="edition-question">
                <Row gutter={16} align="bottom">
                  <Col xs={24} md={8}>
                    <Form.Item name={[q.name, 'code']} label={t('handbook.questionCode')} rules={[...required(t), code(t)]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item name={[q.name, 'label']} label={t('handbook.questionLabel')} rules={[...required(t), max(t, 100)]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[q.name, 'required']} valuePropName="checked">
                      <Checkbox>{t('handbook.questionRequired')}</Checkbox>
                    </Form.Item>
                  </Col>
                </Row>
                <ChoicesField name={[q.name, 'choices']} readOnly={readOnly} onChange={onChange} />
                {!readOnly && (
                  <Button
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => {
                      remove(qi);
                      onChange();
                      addQuestionRef.current?.focus();
                    }}
                  >
                    {t('handbook.removeQuestion')}
                  </Button>
                )}
              </Card>
            ))}
            {!readOnly && (
              <Button
                ref={addQuestionRef}
                icon={<PlusOutlined aria-hidden />}
                onClick={() => {
                  add(structuredClone(NEW_QUESTION));
                  onChange();
                }}
              >
                {t('handbook.addQuestion')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>

      <Typography.Title level={5}>{t('handbook.entries')}</Typography.Title>
      <Form.List name={[name, 'entries']}>
        {(entries, { add, remove, move }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {entries.map((entry, ei) => (
              <EntryFields
                key={entry.key}
                form={form}
                category={name}
                name={entry.name}
                index={ei}
                count={entries.length}
                readOnly={readOnly}
                onMove={(to) => {
                  move(ei, to);
                  onChange();
                }}
                onRemove={() => {
                  remove(ei);
                  onChange();
                  addEntryRef.current?.focus();
                }}
              />
            ))}
            {entries.length === 0 && <Typography.Text type="secondary">{t('handbook.noEntries')}</Typography.Text>}
            {!readOnly && (
              <Button
                ref={addEntryRef}
                icon={<PlusOutlined aria-hidden />}
                onClick={() => {
                  add(structuredClone(NEW_ENTRY));
                  onChange();
                }}
                data-testid="add-entry"
              >
                {t('handbook.addEntry')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </Card>
  );
}

/** An amount and its unit (小时 / 工作日), under one label. */
function LimitField({ name, path, label }: { name: (string | number)[]; path: (string | number)[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} required>
      <Space.Compact>
        <Form.Item
          name={[...name, 'amount']}
          noStyle
          dependencies={[[...path, 'unit']]}
          rules={[
            ({ getFieldValue }) => {
              const most = maxAmount(getFieldValue([...path, 'unit']) as string);
              return { required: true, type: 'number', min: 1, max: most, message: t('fieldRules.between', { min: 1, max: most }) };
            },
          ]}
        >
          <InputNumber min={1} max={720} precision={0} aria-label={t('handbook.limitAmount', { what: label })} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name={[...name, 'unit']} noStyle>
          <Select
            aria-label={t('handbook.limitUnit', { what: label })}
            style={{ minWidth: 120 }}
            options={LIMIT_UNITS.map((u) => ({ value: u, label: t(`handbook.unit.${u}`) }))}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

/** A question's choices (none: answered in the resident's own words). */
function ChoicesField({ name, readOnly, onChange }: { name: (string | number)[]; readOnly: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <Form.List name={name}>
      {(choices, { add, remove }) => (
        <fieldset className="xg-handbook-choices">
          <legend>{t('handbook.choices')}</legend>
          {choices.length === 0 && <Typography.Text type="secondary">{t('handbook.freeText')}</Typography.Text>}
          {choices.map((c, ci) => (
            <Space key={c.key} wrap align="start" style={{ display: 'flex', marginBottom: 8 }}>
              <Form.Item name={[c.name, 'key']} noStyle rules={[...required(t), code(t)]}>
                <Input aria-label={t('handbook.choiceKey', { n: ci + 1 })} placeholder={t('handbook.choiceKeyShort')} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={[c.name, 'name']} noStyle rules={[...required(t), max(t, 50)]}>
                <Input
                  aria-label={t('handbook.choiceName', { n: ci + 1 })}
                  placeholder={t('handbook.choiceNameShort')}
                  style={{ width: 200, maxWidth: '100%' }}
                />
              </Form.Item>
              {!readOnly && (
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('handbook.removeChoice', { n: ci + 1 })}
                  onClick={() => {
                    remove(ci);
                    onChange();
                    addRef.current?.focus();
                  }}
                />
              )}
            </Space>
          ))}
          {!readOnly && (
            <Button
              ref={addRef}
              size="small"
              type="dashed"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => {
                add({ key: '', name: '' });
                onChange();
              }}
            >
              {t('handbook.addChoice')}
            </Button>
          )}
        </fieldset>
      )}
    </Form.List>
  );
}

function EntryFields({
  form,
  category,
  name,
  index,
  count,
  readOnly,
  onMove,
  onRemove,
}: {
  form: FormInstance<Values>;
  category: number;
  name: number;
  index: number;
  count: number;
  readOnly: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const entryName = Form.useWatch(['categories', category, 'entries', name, 'name'], form) as string | undefined;
  const what = t('handbook.entryN', { n: index + 1, name: entryName ?? '' });
  return (
    <Card
      size="small"
      type="inner"
      data-testid="edition-entry"
      title={<span style={{ whiteSpace: 'normal' }}>{what}</span>}
      extra={
        <ItemButtons
          what={what}
          index={index}
          count={count}
          readOnly={readOnly}
          onMove={onMove}
          remove={<Button danger icon={<DeleteOutlined aria-hidden />} aria-label={t('handbook.removeWhat', { what })} onClick={onRemove} />}
        />
      }
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name={[name, 'name']} label={t('handbook.entryName')} rules={[...required(t), max(t, 80)]}>
            <Input data-testid="entry-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name={[name, 'party']} label={t('handbook.partyLabel')}>
            <Select options={PARTY_KINDS.map((p) => ({ value: p, label: t(`handbook.party.${p}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name={[name, 'phone']} label={t('handbook.phone')} extra={t('handbook.phoneHint')} rules={[...required(t), phone(t)]}>
            <Input inputMode="tel" data-testid="entry-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name={[name, 'hours']} label={t('handbook.hours')} rules={[max(t, 50)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name={[name, 'address']} label={t('handbook.address')} rules={[max(t, 100)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name={[name, 'bring']} label={t('handbook.bringLabel')} rules={[max(t, 200)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
