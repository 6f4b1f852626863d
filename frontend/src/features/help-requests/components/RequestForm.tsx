// The phone form of a request, for residents (我要求助) and group leaders filing for a resident of
// their group (代居民求助): what kind of help, about what (big buttons), the category's questions,
// what happened, where, and an optional photo. Sending it opens the request's page.
import { useState } from 'react';
import { App, Button, Form, Input, Spin } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { ResidentPicker } from '@/components/ResidentPicker';
import { useReportError } from '@/lib/forms';
import { useCreateRequest } from '../api/create-request';
import { useHandbook } from '../api/get-handbook';
import type { PhotoUpload, RequestKind } from '../api/types';
import { CategoryButtons, CategoryLimits, KindButtons, NoHandbook, QuestionFields } from './CategoryFields';
import { PhotoPicker } from './PhotoPicker';

interface Values {
  resident_id?: string;
  kind: RequestKind;
  category_code: string;
  answers?: Record<string, string>;
  description: string;
  address?: string;
  photos?: PhotoUpload[];
}

const big = { fontSize: 18 };

/** `onBehalf`: a leader files for a resident of the group, chosen first. `base`: where its page lives. */
export function RequestForm({ onBehalf = false, base }: { onBehalf?: boolean; base: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useReportError();
  const handbook = useHandbook();
  const create = useCreateRequest();
  const [form] = Form.useForm<Values>();
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const categories = handbook.data?.categories ?? [];
  const code = Form.useWatch('category_code', form);
  const category = categories.find((c) => c.code === code);

  const submit = (v: Values) => {
    setPhotoProblem(null);
    const answers = Object.fromEntries(Object.entries(v.answers ?? {}).filter(([, a]) => typeof a === 'string' && a.trim() !== ''));
    create.mutate(
      {
        kind: v.kind,
        category_code: v.category_code,
        description: v.description.trim(),
        ...(v.address?.trim() ? { address: v.address.trim() } : {}),
        ...(Object.keys(answers).length > 0 ? { answers } : {}),
        ...(v.resident_id ? { resident_id: v.resident_id } : {}),
        ...(v.photos?.length ? { photos: v.photos } : {}),
      },
      {
        onSuccess: (r) => {
          void message.success(t('helpRequests.form.sent', { number: r.number }));
          navigate(`${base}/${r.id}`);
        },
        onError: (e) => {
          // The server's word on a photo it refused goes beside the photos, in plain words first.
          if (e instanceof ApiProblem && (e.status === 413 || e.status === 415)) {
            const words = t(e.status === 413 ? 'helpRequests.photo.serverTooLarge' : 'helpRequests.photo.serverWrongType');
            setPhotoProblem(e.detail ? `${words}（${e.detail}）` : words);
            return;
          }
          report(e, form);
        },
      },
    );
  };

  if (handbook.isError) return <NoHandbook />;
  if (handbook.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <Form<Values> name="help-request" form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 640 }} data-testid="request-form">
      {onBehalf && (
        <Form.Item
          name="resident_id"
          label={<span style={big}>{t('helpRequests.form.forResident')}</span>}
          extra={t('helpRequests.form.forResidentHint')}
          rules={[{ required: true, message: t('helpRequests.form.forResidentRequired') }]}
        >
          <ResidentPicker
            testId="request-resident"
            onPick={(r) => {
              if (r?.address && !form.getFieldValue('address')) form.setFieldValue('address', r.address);
            }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="kind"
        label={<span style={big}>{t('helpRequests.form.kind')}</span>}
        rules={[{ required: true, message: t('helpRequests.form.kindRequired') }]}
      >
        <KindButtons />
      </Form.Item>
      <Form.Item
        name="category_code"
        label={<span style={big}>{t('helpRequests.form.category')}</span>}
        rules={[{ required: true, message: t('helpRequests.form.categoryRequired') }]}
        extra={<CategoryLimits category={category} />}
      >
        <CategoryButtons
          categories={categories}
          onChange={(v) => {
            // The category's usual kind, unless the person chose one already.
            const chosen = categories.find((c) => c.code === v);
            if (chosen && !form.getFieldValue('kind')) form.setFieldValue('kind', chosen.kind);
          }}
        />
      </Form.Item>
      <QuestionFields category={category} large />
      <Form.Item
        name="description"
        label={<span style={big}>{t('helpRequests.form.description')}</span>}
        extra={t('helpRequests.form.descriptionHint')}
        rules={[
          { required: true, whitespace: true, message: t('helpRequests.form.descriptionRequired') },
          { max: 2000, message: t('helpRequests.form.descriptionTooLong') },
        ]}
      >
        <Input.TextArea rows={4} style={big} data-testid="request-description" />
      </Form.Item>
      <Form.Item
        name="address"
        label={<span style={big}>{t('helpRequests.form.address')}</span>}
        extra={t('helpRequests.form.addressHint')}
        rules={[{ max: 200, message: t('helpRequests.form.addressTooLong') }]}
      >
        <Input size="large" style={big} autoComplete="street-address" data-testid="request-address" />
      </Form.Item>
      <Form.Item name="photos" label={<span style={big}>{t('helpRequests.photo.label')}</span>} extra={t('helpRequests.photo.hint')}>
        <PhotoPicker serverProblem={photoProblem} />
      </Form.Item>
      <Button type="primary" size="large" htmlType="submit" block icon={<SendOutlined aria-hidden />} loading={create.isPending} data-testid="submit-request">
        {t('helpRequests.form.submit')}
      </Button>
    </Form>
  );
}
