// A resident's own household: the one household the API lets them see, shown in place (the
// "my household" tab stays selected).
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/api/problem';
import { useHouseholds } from '../api/get-households';
import { HouseholdPage } from './HouseholdPage';

export function MyHouseholdPage() {
  const { t } = useTranslation();
  const households = useHouseholds({});
  const first = households.data?.pages[0]?.items[0];
  if (households.error) return <Alert type="error" showIcon message={problemMessage(t, households.error)} />;
  if (households.isLoading) return <Spin />;
  return first ? <HouseholdPage householdId={first.id} /> : <Alert type="info" showIcon message={t('registry.noHousehold')} />;
}
