// 第三方接入密钥 (staff): the keys with which outside apps (a civic app, the county's platform)
// file requests into the handbook's categories over Open311. A key is issued for a named client
// and shown once — only its hint is kept to tell keys apart — and revoked when the client should
// stop; a revoked key stays listed with the day it stopped.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Tag, Typography, type ButtonProps } from 'antd';
import { CopyOutlined, KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { KeyboardPopconfirm } from '@/components/KeyboardPopconfirm';
import { PageShell } from '@/components/PageShell';
import { copyText } from '@/lib/clipboard';
import { formatDateTime } from '@/lib/format';
import { useReportError } from '@/lib/forms';
import { useIssueOpen311Key, useOpen311Keys, useRevokeOpen311Key } from '../api/open311-keys';
import type { Open311Key } from '../api/types';

export function Open311KeysPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const keys = useOpen311Keys();
  const issue = useIssueOpen311Key();
  const revoke = useRevokeOpen311Key();
  const [form] = Form.useForm<{ name: string }>();
  const [issued, setIssued] = useState<Open311Key | null>(null);
  const when = (at: string) => formatDateTime(at, i18n.language);
  // Keys in use first, newest first.
  const rows = [...(keys.data ?? [])].sort((a, b) => Number(!!a.revoked_at) - Number(!!b.revoked_at) || b.created_at.localeCompare(a.created_at));

  const status = (k: Open311Key) =>
    k.revoked_at ? (
      <Tag data-testid="key-status">{t('handbook.keys.revokedOn', { at: when(k.revoked_at) })}</Tag>
    ) : (
      <Tag color="green" data-testid="key-status">
        {t('handbook.keys.active')}
      </Tag>
    );
  const actions = (k: Open311Key) =>
    !k.revoked_at && (
      <KeyboardPopconfirm
        title={t('handbook.keys.revokeConfirm', { name: k.name })}
        okText={t('handbook.keys.revoke')}
        cancelText={t('handbook.cancel')}
        okButtonProps={{ danger: true, 'data-testid': 'confirm-revoke' } as ButtonProps}
        onConfirm={() =>
          revoke.mutateAsync(k.id).then(
            () => void message.success(t('handbook.keys.revoked')),
            (e: unknown) => report(e),
          )
        }
      >
        <Button danger aria-label={t('handbook.keys.revokeWhat', { name: k.name })} data-testid="revoke-key">
          {t('handbook.keys.revoke')}
        </Button>
      </KeyboardPopconfirm>
    );

  return (
    <PageShell title={t('handbook.keys.title')} intro={t('handbook.keys.intro')} testId="open311-keys-page" bare>
      <Card size="small" title={t('handbook.keys.issueTitle')}>
        <Form
          form={form}
          layout="vertical"
          name="open311-key"
          onFinish={async (v) => {
            try {
              const created = await issue.mutateAsync(v.name.trim());
              setIssued(created);
              form.resetFields();
            } catch (error) {
              report(error, form);
            }
          }}
        >
          <Form.Item
            name="name"
            label={t('handbook.keys.name')}
            extra={t('handbook.keys.nameHint')}
            rules={[{ required: true, whitespace: true, message: t('fieldRules.required') }, { max: 100 }]}
          >
            <Input size="large" style={{ maxWidth: 420 }} data-testid="key-name" />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" icon={<KeyOutlined aria-hidden />} loading={issue.isPending} data-testid="issue-key">
            {t('handbook.keys.issue')}
          </Button>
        </Form>
      </Card>
      <DataList<Open311Key>
        rows={rows}
        rowKey={(k) => k.id}
        loading={keys.isLoading}
        empty={t('handbook.keys.none')}
        testId="open311-keys"
        itemTestId="open311-key"
        columns={[
          { title: t('handbook.keys.name'), key: 'name', render: (_, k) => k.name },
          { title: t('handbook.keys.hint'), key: 'hint', render: (_, k) => <span className="xg-code">{k.key_hint}</span> },
          { title: t('handbook.keys.created'), key: 'created', render: (_, k) => when(k.created_at) },
          { title: t('handbook.statusLabel'), key: 'status', render: (_, k) => status(k) },
          { title: t('handbook.keys.actions'), key: 'actions', render: (_, k) => actions(k) },
        ]}
        card={(k) => (
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{k.name}</Typography.Text>
              {status(k)}
            </Space>
            <span>
              {t('handbook.keys.hint')}：<span className="xg-code">{k.key_hint}</span>
            </span>
            <Typography.Text type="secondary">
              {t('handbook.keys.created')}：{when(k.created_at)}
            </Typography.Text>
            {actions(k)}
          </Space>
        )}
      />
      <IssuedKeyModal issued={issued} onClose={() => setIssued(null)} />
    </PageShell>
  );
}

/** The new key, this once: a warning, the key to select or copy, and a button that copies it. */
function IssuedKeyModal({ issued, onClose }: { issued: Open311Key | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    if (issued?.key && (await copyText(issued.key))) void message.success(t('handbook.keys.copied'));
    else void message.error(t('handbook.keys.copyFailed'));
  };
  return (
    <Modal
      open={!!issued}
      title={t('handbook.keys.issuedTitle', { name: issued?.name ?? '' })}
      onOk={onClose}
      onCancel={onClose}
      okText={t('handbook.keys.saved')}
      okButtonProps={{ size: 'large', 'data-testid': 'key-saved' } as ButtonProps}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert type="warning" showIcon message={t('handbook.keys.once')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph>
        <Typography.Text strong>{t('handbook.keys.key')}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph code data-testid="issued-key-value" style={{ wordBreak: 'break-all', fontSize: '1.1em' }}>
        {issued?.key}
      </Typography.Paragraph>
      <Button size="large" icon={<CopyOutlined aria-hidden />} onClick={() => void copy()} data-testid="copy-key">
        {t('handbook.keys.copy')}
      </Button>
    </Modal>
  );
}
