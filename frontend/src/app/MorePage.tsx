// "More" on the phone: every page of the role that is not a bottom tab, the display settings
// (large text, language) and sign-out, each a large touch target.
import { Button, Card, List, Switch, Typography } from 'antd';
import { LogoutOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { useDisplay } from '@/lib/display';
import { navigationFor, useFeatures } from '@/lib/features';
import { useMe, useSession } from '@/lib/session';
import { tabsFor } from './MobileLayout';

export function MorePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { navigation } = useFeatures();
  const { largeText, setLargeText } = useDisplay();
  const { logout } = useSession();
  const navigate = useNavigate();
  const tabs = new Set(tabsFor(navigation, me.role).map((tab) => tab.path));
  const entries = navigationFor(navigation, me.role).filter((e) => !tabs.has(e.path));
  return (
    <PageShell title={t('nav.more')} testId="more-page" bare>
      <Card size="small" title={t('more.pages')}>
        <List
          dataSource={entries}
          locale={{ emptyText: t('more.nothingElse') }}
          renderItem={(entry) => (
            <List.Item style={{ padding: 0 }}>
              <Link
                to={entry.path}
                data-testid={`more:${entry.path}`}
                style={{ display: 'flex', alignItems: 'center', gap: 12, minHeight: 48, width: '100%', paddingInline: 8, color: 'inherit' }}
              >
                {entry.icon}
                <span style={{ flex: 1 }}>{t(entry.label)}</span>
                <RightOutlined aria-hidden />
              </Link>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('more.display')}>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', minHeight: 48 }}>
          <Typography.Text id="large-text-label">{t('more.largeText')}</Typography.Text>
          <Switch checked={largeText} onChange={setLargeText} aria-labelledby="large-text-label" data-testid="large-text" />
        </div>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', minHeight: 48 }}>
          <Typography.Text>{t('user.language')}</Typography.Text>
          <LanguageSwitcher />
        </div>
      </Card>
      <Button
        block
        danger
        icon={<LogoutOutlined aria-hidden />}
        onClick={() =>
          void logout().then(() => {
            navigate('/login', { replace: true });
          })
        }
      >
        {t('user.logout')}
      </Button>
    </PageShell>
  );
}
