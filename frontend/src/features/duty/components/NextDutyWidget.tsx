// A leader's home: their next duty night, large — tonight stands out — with who is on with them.
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Widget } from '@/components/Widget';
import { todayInCommunity } from '@/lib/dates';
import { useMyNights } from '../api/get-my-nights';
import { MyNightCard } from './MyNightCard';

export function NextDutyWidget() {
  const { t } = useTranslation();
  const today = todayInCommunity();
  const mine = useMyNights();
  const next = mine.data?.[0];
  return (
    <Widget title={t('duty.nextDutyWidget')} link="/duty/mine" linkLabel={t('duty.myDutyLink')} loading={mine.isLoading} testId="next-duty">
      {next ? <MyNightCard night={next} today={today} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.noNextNights')} />}
    </Widget>
  );
}
