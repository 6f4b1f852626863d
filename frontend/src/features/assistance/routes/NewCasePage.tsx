// 新建案件 (staff), in three steps: the kind (each with who approves and its procedure), the
// applicant found by name and the members of their household the case concerns, then the details
// (what the family needs, when they applied, 代办 with its written mandate, ability to work; for
// re-employment the 就业困难人员 category and 零就业家庭). Submitting opens the case's page.
// `?applicant=<resident id>` (a festival visit that needs following up) chooses the applicant
// beforehand; the wizard still starts at the kind.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Steps, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { ResidentPicker, type FoundResident } from '@/components/ResidentPicker';
import { todayInCommunity } from '@/lib/dates';
import { useReportError } from '@/lib/forms';
import { useCaseTypes, type CaseKind, type CaseType } from '../api/get-case-types';
import { useCreateCase } from '../api/create-case';
import { useHouseholdMembers } from '../api/get-household-members';
import { useResident } from '../api/get-resident';
import type { EmploymentCategory } from '../api/get-case';
import { EMPLOYMENT_CATEGORIES, shortStepName } from '../components/text';

interface Values {
  kind: CaseKind;
  applicant_id: string;
  resident_ids?: string[];
  summary?: string;
  opened_on?: string;
  on_behalf?: boolean;
  mandate_on_file?: boolean;
  able_to_work?: boolean;
  employment_category?: EmploymentCategory;
  zero_employment?: boolean;
}

const STEP_FIELDS: (keyof Values)[][] = [['kind'], ['applicant_id', 'resident_ids'], []];

export function NewCasePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useReportError();
  const types = useCaseTypes();
  const create = useCreateCase();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [params] = useSearchParams();
  const preset = useResident(params.get('applicant') || undefined);
  // Undefined until someone is picked (or cleared): until then the applicant the link named.
  const [picked, setPicked] = useState<FoundResident | null>();
  const applicant = picked === undefined ? preset.data : (picked ?? undefined);
  const kind = Form.useWatch('kind', form);
  const onBehalf = Form.useWatch('on_behalf', form);
  const type = types.data?.find((c) => c.kind === kind);
  const members = useHouseholdMembers(applicant?.household_id);
  const others = (members.data ?? []).filter((m) => m.id !== applicant?.id && m.status === 'active');
  const today = todayInCommunity();

  const next = async () => {
    await form.validateFields(STEP_FIELDS[step]);
    setStep(step + 1);
  };
  const submit = (v: Values) => {
    const values = { ...form.getFieldsValue(true), ...v } as Values;
    create.mutate(
      {
        kind: values.kind,
        applicant_id: values.applicant_id,
        resident_ids: values.resident_ids ?? [],
        summary: values.summary ?? '',
        opened_on: values.opened_on || null,
        on_behalf: !!values.on_behalf,
        mandate_on_file: !!values.on_behalf && !!values.mandate_on_file,
        able_to_work: !!values.able_to_work,
        employment_category: values.kind === 'reemployment' ? (values.employment_category ?? null) : null,
        zero_employment: values.kind === 'reemployment' && !!values.zero_employment,
      },
      {
        onSuccess: (c) => {
          void message.success(t('assistance.create.created'));
          navigate(`/assistance/cases/${c.id}`);
        },
        onError: (e) => report(e, form),
      },
    );
  };

  return (
    <PageShell title={t('assistance.create.title')} testId="new-case-page" loading={types.isLoading || preset.isLoading}>
      {preset.data && applicant?.id === preset.data.id && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('assistance.create.presetApplicant', {
            name: preset.data.name,
            address: preset.data.address ?? '—',
          })}
          data-testid="preset-applicant"
        />
      )}
      {preset.isError && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('assistance.create.presetMissing')} />}
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: t('assistance.create.stepKind') }, { title: t('assistance.create.stepApplicant') }, { title: t('assistance.create.stepDetails') }]}
      />
      <Form<Values>
        name="new-case"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ resident_ids: [], applicant_id: preset.data?.id }}
        style={{ maxWidth: 760 }}
      >
        {step === 0 && (
          <Form.Item name="kind" label={t('assistance.create.kindLabel')} rules={[{ required: true, message: t('assistance.create.kindRequired') }]}>
            <Radio.Group style={{ width: '100%' }} data-testid="case-kinds">
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                {(types.data ?? []).map((c) => (
                  <KindOption key={c.kind} type={c} selected={c.kind === kind} />
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        {step === 1 && (
          <>
            <Form.Item
              name="applicant_id"
              label={t('assistance.create.applicant')}
              extra={t('assistance.create.applicantHint')}
              rules={[{ required: true, message: t('assistance.create.applicantRequired') }]}
            >
              <ResidentPicker
                testId="case-applicant"
                initial={applicant ? { value: applicant.id, label: applicant.name } : undefined}
                onPick={(r) => {
                  setPicked(r ?? null);
                  form.setFieldValue('resident_ids', []);
                }}
              />
            </Form.Item>
            {applicant && (
              <Form.Item name="resident_ids" label={t('assistance.create.members')} extra={t('assistance.create.membersHint')}>
                {others.length === 0 ? (
                  <Typography.Text type="secondary">{members.isLoading ? t('common.loading') : t('assistance.create.noMembers')}</Typography.Text>
                ) : (
                  <Checkbox.Group data-testid="case-members">
                    <Space direction="vertical">
                      {others.map((m) => (
                        <Checkbox key={m.id} value={m.id}>
                          {t('assistance.create.member', {
                            name: m.name,
                            age: m.age,
                            relationship: t(`registry.relationships.${m.relationship}`, { defaultValue: '' }),
                          })}
                        </Checkbox>
                      ))}
                    </Space>
                  </Checkbox.Group>
                )}
              </Form.Item>
            )}
          </>
        )}
        {step === 2 && (
          <>
            <Typography.Paragraph data-testid="case-choice">
              {type?.name} · {applicant?.name}
            </Typography.Paragraph>
            <Form.Item name="summary" label={t('assistance.create.summary')} extra={t('assistance.create.summaryHint')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={4} data-testid="case-summary" />
            </Form.Item>
            <Form.Item name="opened_on" label={t('assistance.create.openedOn')} extra={t('assistance.create.openedOnHint')}>
              <Input size="large" type="date" max={today} style={{ maxWidth: 240 }} data-testid="case-opened-on" />
            </Form.Item>
            <Form.Item name="on_behalf" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('assistance.create.onBehalf')}</Checkbox>
            </Form.Item>
            {onBehalf && (
              <Form.Item name="mandate_on_file" valuePropName="checked" style={{ marginBottom: 8, paddingInlineStart: 24 }}>
                <Checkbox>{t('assistance.create.mandateOnFile')}</Checkbox>
              </Form.Item>
            )}
            <Form.Item name="able_to_work" valuePropName="checked" extra={t('assistance.create.ableToWorkHint')}>
              <Checkbox>{t('assistance.create.ableToWork')}</Checkbox>
            </Form.Item>
            {kind === 'reemployment' && (
              <>
                <Form.Item name="employment_category" label={t('assistance.category.label')} extra={t('assistance.create.categoryHint')}>
                  <Select
                    size="large"
                    allowClear
                    placeholder={t('assistance.create.categoryDerived')}
                    options={EMPLOYMENT_CATEGORIES.map((c) => ({ value: c, label: t(`assistance.category.${c}`) }))}
                  />
                </Form.Item>
                <Form.Item name="zero_employment" valuePropName="checked">
                  <Checkbox>{t('assistance.create.zeroEmployment')}</Checkbox>
                </Form.Item>
              </>
            )}
          </>
        )}
        <Space wrap>
          {step > 0 && (
            <Button size="large" onClick={() => setStep(step - 1)} data-testid="wizard-back">
              {t('assistance.create.back')}
            </Button>
          )}
          {step < 2 ? (
            // Its own key: were React to reuse this button as the submit button, the click that
            // moves to the last step would submit the form once validation resolves.
            <Button key="next" type="primary" size="large" onClick={() => void next().catch(() => undefined)} data-testid="wizard-next">
              {t('assistance.create.next')}
            </Button>
          ) : (
            <Button key="submit" type="primary" size="large" htmlType="submit" loading={create.isPending} data-testid="submit-case">
              {t('assistance.create.submit')}
            </Button>
          )}
        </Space>
      </Form>
    </PageShell>
  );
}

/** A kind to choose: its name, who approves, and the steps of its procedure. */
function KindOption({ type, selected }: { type: CaseType; selected: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ borderColor: selected ? '#b7282e' : undefined, borderWidth: selected ? 2 : 1 }} data-testid={`kind-${type.kind}`}>
      <Radio value={type.kind} style={{ fontSize: '1.1em', fontWeight: 600 }}>
        {type.name}
      </Radio>
      <div style={{ paddingInlineStart: 24 }}>
        <Typography.Text type="secondary">{t('assistance.create.approvedBy', { body: type.approving_body })}</Typography.Text>
        <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {type.definition.steps.map((s) => (
            <li key={s.key}>
              {shortStepName(s.name)}
              <Typography.Text type="secondary"> · {s.body}</Typography.Text>
            </li>
          ))}
        </ol>
      </div>
    </Card>
  );
}
