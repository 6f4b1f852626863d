// Webhook endpoints of partner units and their delivery logs.
import { lazy } from 'react';
import { ApiOutlined } from '@ant-design/icons';
import { PARTNER_DETAILS_SLOT, type Feature } from '@/lib/features';
import { PartnerEndpoints } from './components/PartnerEndpoints';

const WebhooksPage = lazy(() => import('./routes/WebhooksPage').then((m) => ({ default: m.WebhooksPage })));

export const feature: Feature = {
  routes: [{ path: 'webhooks', roles: ['partner'], Component: WebhooksPage }],
  navigation: [{ path: '/webhooks', label: 'nav.webhooks', icon: <ApiOutlined aria-hidden />, roles: ['partner'], order: 41 }],
  slots: { [PARTNER_DETAILS_SLOT]: [PartnerEndpoints] },
};
