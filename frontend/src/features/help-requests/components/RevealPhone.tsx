// 查看号码: staff other than the assignee see the caller's full number only after stating why;
// the reveal is audited. The dialog opens on its reason field.
import { useRef, useState } from 'react';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { Button, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { useRevealPhone } from '../api/reveal-phone';

export function RevealPhone({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealPhone(requestId);
  const report = useReportError();
  const reasonRef = useRef<TextAreaRef>(null);
  if (reveal.data)
    return (
      <Typography.Text copyable strong data-testid="revealed-phone">
        {reveal.data.phone}
      </Typography.Text>
    );
  return (
    <>
      <Button size="small" icon={<EyeOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="reveal-phone">
        {t('helpRequests.reveal.button')}
      </Button>
      <Modal
        open={open}
        title={t('helpRequests.reveal.title')}
        okText={t('helpRequests.reveal.confirm')}
        cancelText={t('helpRequests.cancel')}
        okButtonProps={{ loading: reveal.isPending, 'data-testid': 'reveal-confirm' } as ButtonProps}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        afterOpenChange={(visible) => visible && reasonRef.current?.focus()}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ reason }) =>
            reveal.mutate(reason.trim(), {
              onSuccess: () => setOpen(false),
              onError: (e) => report(e, form),
            })
          }
        >
          <Typography.Paragraph>{t('helpRequests.reveal.hint')}</Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('helpRequests.reveal.reason')}
            rules={[{ required: true, whitespace: true, min: 4, max: 200, message: t('helpRequests.reveal.reasonRule') }]}
          >
            <Input.TextArea ref={reasonRef} rows={2} data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
