// 公示打印 (staff): the notice the community posts for 7 days, on one A4 sheet — by law only the
// applicant's name, the household's size and the amount (审核确认办法 第24条), the posting
// period, where to raise an objection, the office and the date. Nothing else of the case is
// fetched or shown here. 打印 prints the sheet alone (see publicity.css).
import { Alert, Button, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { useCasePublicity, type PublicityNotice } from '../api/get-case-publicity';
import { formatDay } from '../components/text';
import './publicity.css';

export function PublicityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const notice = useCasePublicity(id);
  const notYet = notice.error instanceof ApiProblem && notice.error.code === 'step_incomplete';
  return (
    <div className="xg-publicity-page">
      <PageShell
        title={t('assistance.publicity.title')}
        loading={notice.isLoading}
        testId="publicity-page"
        bare
        actions={
          <Space wrap className="xg-no-print">
            <LinkButton to={`/assistance/cases/${id}`} size="large" icon={<ArrowLeftOutlined aria-hidden />}>
              {t('assistance.publicity.backToCase')}
            </LinkButton>
            {notice.data && (
              <Button type="primary" size="large" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} data-testid="print">
                {t('assistance.publicity.printNow')}
              </Button>
            )}
          </Space>
        }
      >
        {notice.isError && (
          <Alert type="warning" showIcon message={notYet ? t('assistance.publicity.notYet') : t('assistance.detail.notFound')} className="xg-no-print" />
        )}
        {notice.data && <Notice n={notice.data} />}
      </PageShell>
    </div>
  );
}

function Notice({ n }: { n: PublicityNotice }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatDay(d, i18n.language);
  const amount =
    n.amount_fen != null
      ? (n.amount_fen / 100).toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : t('assistance.publicity.amountPending');
  return (
    <article className="xg-publicity-sheet" data-testid="publicity-notice" aria-labelledby="publicity-heading">
      <h1 id="publicity-heading">{t('assistance.publicity.heading', { community: n.community, kind: n.kind_name })}</h1>
      <p>{t('assistance.publicity.lead')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('assistance.publicity.name')}</th>
            <th scope="col">{t('assistance.publicity.householdSize')}</th>
            <th scope="col">{n.monthly ? t('assistance.publicity.amountMonthly') : t('assistance.publicity.amountOnce')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td data-testid="publicity-name">{n.applicant_name}</td>
            <td data-testid="publicity-size">{n.household_size}</td>
            <td data-testid="publicity-amount">{amount}</td>
          </tr>
        </tbody>
      </table>
      <p data-testid="publicity-period">{t('assistance.publicity.period', { from: day(n.posted_from), until: day(n.posted_until) })}</p>
      <p>{t('assistance.publicity.objections', { to: n.objections_to })}</p>
      <div className="xg-publicity-sign">
        <div>{t('assistance.publicity.office', { community: n.community })}</div>
        <div>{day(n.posted_from)}</div>
      </div>
    </article>
  );
}
