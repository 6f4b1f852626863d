import { Button, Dropdown, Space, Typography } from 'antd';
import { CheckOutlined, FontSizeOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe, useSession } from '@/lib/session';
import { useDisplay } from '@/lib/display';

/** `compact` shows only the icon and a short name, for phone headers. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { largeText, setLargeText } = useDisplay();
  const signOut = async () => {
    await logout();
    navigate('/login', { replace: true });
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'role', label: t(`roles.${me.role}`), disabled: true },
          { type: 'divider' },
          {
            key: 'large-text',
            icon: <FontSizeOutlined aria-hidden />,
            label: (
              <span data-testid="large-text-menu">
                {t('more.largeText')} {largeText && <CheckOutlined aria-label={t('more.on')} />}
              </span>
            ),
            onClick: () => setLargeText(!largeText),
          },
          { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: <span data-testid="logout">{t('user.logout')}</span>, onClick: () => void signOut() },
        ],
      }}
    >
      <Button type="text" data-testid="user-menu" style={compact ? { paddingInline: 4 } : undefined}>
        <Space>
          <UserOutlined aria-hidden />
          <Typography.Text ellipsis style={{ maxWidth: compact ? 72 : 160 }}>
            {me.display_name}
          </Typography.Text>
        </Space>
      </Button>
    </Dropdown>
  );
}
