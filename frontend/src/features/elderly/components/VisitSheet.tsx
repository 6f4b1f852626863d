// Recording a visit on a leader's phone, in three taps: the person (which opens this sheet), how
// they were found — 身体好 / 一般 / 需要帮助, three big buttons — and 保存. The day is today and the
// visitor the leader (the server's defaults); the gift, a note and 需要社区跟进 wait under 更多
// (需要帮助 turns 跟进 on, and says so).
import { useState } from 'react';
import { App, Button, Collapse, Drawer, Input, Space, Switch, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import type { Visit } from '../api/get-visits';
import { useRecordVisit } from '../api/record-visit';
import { PersonMarks } from './Marks';
import { CONDITIONS, conditionLabel, type VisitCondition } from './text';

export function VisitSheet({ campaignId, visit, onClose }: { campaignId: string; visit: Visit | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={!!visit}
      placement="bottom"
      height="auto"
      title={visit ? t('elderly.sheetTitle', { name: visit.name }) : ''}
      onClose={onClose}
      destroyOnHidden
      styles={{ wrapper: { maxHeight: '92vh' }, body: { paddingBottom: 24 } }}
      data-testid="visit-sheet"
    >
      {visit && <SheetBody key={visit.id} campaignId={campaignId} visit={visit} onClose={onClose} />}
    </Drawer>
  );
}

function SheetBody({ campaignId, visit, onClose }: { campaignId: string; visit: Visit; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const record = useRecordVisit();
  const [condition, setCondition] = useState<VisitCondition | null>(visit.condition ?? null);
  const [followUp, setFollowUp] = useState<boolean | null>(visit.visited_on ? visit.follow_up : null);
  const [gift, setGift] = useState(visit.gift);
  const [note, setNote] = useState(visit.note);
  // Unless the leader said otherwise, someone who needs help is followed up.
  const follow = followUp ?? condition === 'poor';
  const save = () => {
    if (!condition) return;
    record.mutate(
      { campaignId, visitId: visit.id, body: { version: visit.version, condition, gift: gift.trim(), note: note.trim(), follow_up: follow } },
      {
        onSuccess: () => {
          void message.success(t('elderly.visitSaved', { name: visit.name }));
          onClose();
        },
        onError: (e) => report(e),
      },
    );
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', fontSize: '1.125em' }}>
      <div>
        <Typography.Text>
          {t('elderly.ageYears', { age: visit.age })} · {visit.address}
        </Typography.Text>
        <div style={{ marginTop: 4 }}>
          <PersonMarks livingAlone={visit.living_alone} disabled={visit.disabled} />
        </div>
      </div>
      <Typography.Text strong id="condition-question">
        {t('elderly.conditionQuestion')}
      </Typography.Text>
      <div role="group" aria-labelledby="condition-question" style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
        {CONDITIONS.map((c) => {
          const chosen = condition === c;
          return (
            <Button
              key={c}
              size="large"
              block
              type={chosen ? 'primary' : 'default'}
              danger={c === 'poor' && !chosen}
              icon={chosen ? <CheckOutlined aria-hidden /> : undefined}
              aria-pressed={chosen}
              onClick={() => setCondition(c)}
              style={{ minHeight: 56, fontSize: '1.125em' }}
              data-testid={`condition-${c}`}
            >
              {conditionLabel(t, c)}
            </Button>
          );
        })}
      </div>
      {follow && (
        <Typography.Text data-testid="follow-up-note">
          <CheckOutlined aria-hidden /> {t('elderly.followUpOn')}
        </Typography.Text>
      )}
      <Collapse
        ghost
        items={[
          {
            key: 'more',
            label: t('elderly.more'),
            children: (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <label style={{ display: 'block' }}>
                  <span>{t('elderly.gift')}</span>
                  <Input
                    value={gift}
                    onChange={(e) => setGift(e.target.value)}
                    maxLength={200}
                    placeholder={t('elderly.giftPlaceholder')}
                    data-testid="sheet-gift"
                  />
                </label>
                <label style={{ display: 'block' }}>
                  <span>{t('elderly.note')}</span>
                  <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={3} data-testid="sheet-note" />
                </label>
                <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, minHeight: 48 }}>
                  <span id="sheet-follow-up">{t('elderly.followUpSwitch')}</span>
                  <Switch checked={follow} onChange={setFollowUp} aria-labelledby="sheet-follow-up" data-testid="sheet-follow-up" />
                </div>
              </Space>
            ),
          },
        ]}
      />
      <Button
        type="primary"
        size="large"
        block
        disabled={!condition}
        loading={record.isPending}
        onClick={save}
        style={{ minHeight: 56, fontSize: '1.125em' }}
        data-testid="save-sheet"
      >
        {visit.visited_on ? t('elderly.saveChange') : t('elderly.save')}
      </Button>
      {!condition && <Typography.Text type="secondary">{t('elderly.chooseFirst')}</Typography.Text>}
    </Space>
  );
}
