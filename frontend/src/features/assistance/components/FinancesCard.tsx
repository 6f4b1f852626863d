// 收入与财产: only for the case's assignee and supervisors. Nothing is shown until they ask with a
// reason (every read is written to the audit log); then the household's monthly income and its
// assets in words, which they may correct.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import type { CaseDetail } from '../api/get-case';
import { useReadCaseFinances, type CaseFinances } from '../api/get-case-finances';
import { usePutCaseFinances } from '../api/put-case-finances';
import { formatFen, toFen } from './text';

export function FinancesCard({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const read = useReadCaseFinances(c.id);
  const put = usePutCaseFinances(c.id);
  const [asking, setAsking] = useState(false);
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState<CaseFinances | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [editForm] = Form.useForm<{ income_yuan?: number | null; assets_note?: string }>();
  if (!c.can_see_finances) return null;
  return (
    <Card title={t('assistance.finances.title')} data-testid="case-finances">
      {shown ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('assistance.finances.income')}>
              <span data-testid="finances-income">
                {shown.monthly_income_fen != null ? formatFen(shown.monthly_income_fen, i18n.language) : t('assistance.finances.notRecorded')}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('assistance.finances.assets')}>
              <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{shown.assets_note || t('assistance.finances.notRecorded')}</span>
            </Descriptions.Item>
          </Descriptions>
          <Space wrap>
            <Button
              size="large"
              onClick={() => {
                editForm.setFieldsValue({
                  income_yuan: shown.monthly_income_fen != null ? shown.monthly_income_fen / 100 : null,
                  assets_note: shown.assets_note,
                });
                setEditing(true);
              }}
              data-testid="edit-finances"
            >
              {t('assistance.finances.edit')}
            </Button>
            <Button size="large" onClick={() => setShown(null)}>
              {t('assistance.finances.hide')}
            </Button>
          </Space>
        </Space>
      ) : (
        <Space direction="vertical">
          <Typography.Text type="secondary">
            <LockOutlined aria-hidden /> {t('assistance.finances.locked')}
          </Typography.Text>
          <Button size="large" onClick={() => setAsking(true)} data-testid="show-finances">
            {t('assistance.finances.show')}
          </Button>
        </Space>
      )}
      <Modal
        open={asking}
        title={t('assistance.finances.show')}
        okText={t('assistance.finances.showOk')}
        cancelText={t('assistance.cancel')}
        okButtonProps={{ loading: read.isPending, size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        onCancel={() => setAsking(false)}
        onOk={() => reasonForm.submit()}
        destroyOnHidden
      >
        <Alert type="info" showIcon message={t('assistance.finances.audited')} style={{ marginBottom: 16 }} />
        <Form
          name="finances-reason"
          form={reasonForm}
          layout="vertical"
          onFinish={(v) =>
            read.mutate(v.reason.trim(), {
              onSuccess: (f) => {
                setShown(f);
                setAsking(false);
              },
              onError: (e) => report(e, reasonForm),
            })
          }
        >
          <Form.Item
            name="reason"
            label={t('assistance.finances.reason')}
            rules={[
              { required: true, whitespace: true, message: t('assistance.finances.reasonRequired') },
              { min: 4, max: 200, message: t('assistance.finances.reasonLength') },
            ]}
          >
            <Input size="large" data-testid="finances-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={editing}
        title={t('assistance.finances.edit')}
        okText={t('assistance.save')}
        cancelText={t('assistance.cancel')}
        okButtonProps={{ loading: put.isPending, size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        onCancel={() => setEditing(false)}
        onOk={() => editForm.submit()}
      >
        <Form
          name="finances-edit"
          form={editForm}
          layout="vertical"
          onFinish={(v) =>
            put.mutate(
              { version: c.version, monthly_income_fen: v.income_yuan != null ? toFen(v.income_yuan) : null, assets_note: v.assets_note ?? '' },
              {
                onSuccess: (saved) => {
                  setShown(saved);
                  setEditing(false);
                  void message.success(t('assistance.saved'));
                },
                onError: (e) => report(e, editForm),
              },
            )
          }
        >
          <Form.Item name="income_yuan" label={t('assistance.finances.incomeLabel')}>
            <InputNumber size="large" min={0} precision={2} addonAfter={t('assistance.money.perMonth')} style={{ width: '100%', maxWidth: 260 }} />
          </Form.Item>
          <Form.Item name="assets_note" label={t('assistance.finances.assets')} extra={t('assistance.finances.assetsHint')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
