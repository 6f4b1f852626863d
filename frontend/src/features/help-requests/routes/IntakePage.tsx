// 热线登记 (staff): a call taken down while the caller is still on the line — one screen, in the
// order the conversation goes: who is calling (found in the registry by name or pinyin, or their
// name and number typed when they are not registered), what it is about (a category from the
// handbook, typed to search, with its time limits shown at once), the kind, the category's
// questions, what happened and where. Tab goes down the form; Enter in the address, the last
// field, registers it and opens the new request.
import { useEffect } from 'react';
import { App, Button, Card, Col, Form, Input, Row, Spin, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { ResidentPicker } from '@/components/ResidentPicker';
import { useReportError } from '@/lib/forms';
import { useCreateRequest } from '../api/create-request';
import { useHandbook } from '../api/get-handbook';
import type { RequestKind } from '../api/types';
import { CategoryLimits, CategorySelect, KindButtons, NoHandbook, QuestionFields } from '../components/CategoryFields';

interface Values {
  resident_id?: string;
  caller_name?: string;
  caller_phone?: string;
  category_code: string;
  kind: RequestKind;
  answers?: Record<string, string>;
  description: string;
  address?: string;
}

export function IntakePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useReportError();
  const handbook = useHandbook();
  const create = useCreateRequest();
  const [form] = Form.useForm<Values>();
  const categories = handbook.data?.categories ?? [];
  const code = Form.useWatch('category_code', form);
  const residentId = Form.useWatch('resident_id', form);
  const category = categories.find((c) => c.code === code);
  // Without a registered caller the server needs a name and a number to call back.
  const unregistered = !residentId;
  const ready = handbook.isSuccess;
  // The call starts with who is calling: the look-up has the focus when the form appears.
  useEffect(() => {
    if (ready) document.getElementById('hotline-intake_resident_id')?.focus();
  }, [ready]);

  const submit = (v: Values) => {
    const answers = Object.fromEntries(Object.entries(v.answers ?? {}).filter(([, a]) => typeof a === 'string' && a.trim() !== ''));
    create.mutate(
      {
        kind: v.kind,
        category_code: v.category_code,
        description: v.description.trim(),
        ...(v.address?.trim() ? { address: v.address.trim() } : {}),
        ...(Object.keys(answers).length > 0 ? { answers } : {}),
        ...(v.resident_id ? { resident_id: v.resident_id } : {}),
        ...(v.caller_name?.trim() ? { caller_name: v.caller_name.trim() } : {}),
        ...(v.caller_phone?.trim() ? { caller_phone: v.caller_phone.trim() } : {}),
      },
      {
        onSuccess: (r) => {
          void message.success(t('helpRequests.intake.done', { number: r.number }));
          navigate(`/help-requests/${r.id}`);
        },
        onError: (e) => report(e, form),
      },
    );
  };

  return (
    <PageShell title={t('helpRequests.intake.title')} intro={t('helpRequests.intake.intro')} testId="intake-page">
      {handbook.isError ? (
        <NoHandbook />
      ) : handbook.isLoading ? (
        <Spin />
      ) : (
        <Form<Values> name="hotline-intake" form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 900 }} data-testid="intake-form">
          <Row gutter={[24, 0]}>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('helpRequests.intake.caller')} style={{ marginBottom: 16 }}>
                <Form.Item name="resident_id" label={t('helpRequests.intake.lookup')} extra={t('helpRequests.intake.lookupHint')}>
                  <ResidentPicker
                    testId="intake-resident"
                    onPick={(r) => {
                      if (r?.address && !form.getFieldValue('address')) form.setFieldValue('address', r.address);
                    }}
                  />
                </Form.Item>
                <Form.Item
                  name="caller_name"
                  label={t('helpRequests.intake.callerName')}
                  rules={[{ required: unregistered, whitespace: true, message: t('helpRequests.intake.callerNameRequired') }, { max: 50 }]}
                >
                  <Input size="large" autoComplete="off" data-testid="intake-caller-name" />
                </Form.Item>
                <Form.Item
                  name="caller_phone"
                  label={t('helpRequests.intake.callerPhone')}
                  extra={unregistered ? undefined : t('helpRequests.intake.callerPhoneOptional')}
                  rules={[
                    { required: unregistered, whitespace: true, message: t('helpRequests.intake.callerPhoneRequired') },
                    { pattern: /^[0-9+\- ]{5,20}$/, message: t('helpRequests.intake.callerPhoneRule') },
                  ]}
                >
                  <Input size="large" type="tel" inputMode="tel" autoComplete="off" data-testid="intake-caller-phone" />
                </Form.Item>
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Form.Item
                name="category_code"
                label={t('helpRequests.form.category')}
                rules={[{ required: true, message: t('helpRequests.form.categoryRequired') }]}
                extra={<CategoryLimits category={category} />}
              >
                <CategorySelect
                  categories={categories}
                  onChange={(v) => {
                    // The category's usual kind, unless one was chosen already.
                    const chosen = categories.find((c) => c.code === v);
                    if (chosen && !form.getFieldValue('kind')) form.setFieldValue('kind', chosen.kind);
                  }}
                />
              </Form.Item>
              <Form.Item name="kind" label={t('helpRequests.form.kind')} rules={[{ required: true, message: t('helpRequests.form.kindRequired') }]}>
                <KindButtons />
              </Form.Item>
              <QuestionFields category={category} />
              <Form.Item
                name="description"
                label={t('helpRequests.form.description')}
                rules={[
                  { required: true, whitespace: true, message: t('helpRequests.form.descriptionRequired') },
                  { max: 2000, message: t('helpRequests.form.descriptionTooLong') },
                ]}
              >
                <Input.TextArea rows={3} data-testid="intake-description" />
              </Form.Item>
              <Form.Item
                name="address"
                label={t('helpRequests.form.address')}
                extra={t('helpRequests.intake.enterSubmits')}
                rules={[{ max: 200, message: t('helpRequests.form.addressTooLong') }]}
              >
                <Input size="large" autoComplete="off" data-testid="intake-address" />
              </Form.Item>
              <Button type="primary" size="large" htmlType="submit" icon={<CheckOutlined aria-hidden />} loading={create.isPending} data-testid="intake-submit">
                {t('helpRequests.intake.submit')}
              </Button>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('helpRequests.intake.after')}
              </Typography.Paragraph>
            </Col>
          </Row>
        </Form>
      )}
    </PageShell>
  );
}
