import { HomeOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';
import { HomePage } from './routes/HomePage';

export const feature: Feature = {
  routes: [{ path: '', Component: HomePage }],
  navigation: [{ path: '/', label: 'nav.home', icon: <HomeOutlined aria-hidden />, roles: ['staff', 'group_leader', 'resident', 'partner'], order: 0 }],
};
