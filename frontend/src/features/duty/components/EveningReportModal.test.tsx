import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import i18n from '@/lib/i18n';
import type { Night } from '../api/get-roster';
import { EveningReportModal } from './EveningReportModal';

const night: Night = {
  night: '2026-11-28',
  kind: 'weekend',
  weight: 15,
  short: false,
  report: null,
  assignments: [
    { id: 'a', leader_user_id: 'me', leader_name: '张三', group_number: 3, locked: false, source: 'generated', status: 'scheduled', version: 1 },
    { id: 'b', leader_user_id: 'partner', leader_name: '李四', group_number: 7, locked: false, source: 'generated', status: 'scheduled', version: 1 },
  ],
};

function stubFetch() {
  const fetch = vi.fn(
    async (request: Request) =>
      new Response(JSON.stringify({ ...night, report: await request.clone().json() }), { headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderModal(onClose = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <App>
        <EveningReportModal night={night} meId="me" today="2026-11-28" onClose={onClose} />
      </App>
    </QueryClientProvider>,
  );
  return onClose;
}

describe('recording the evening', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a leader enters the headcount and marks the other leader as not come', async () => {
    await i18n.changeLanguage('zh-CN');
    const fetch = stubFetch();
    const onClose = renderModal();
    expect(screen.getByText('记录今晚')).toBeInTheDocument();
    // Only the partner can be marked: the leader recording is there.
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(1);
    expect(screen.getByLabelText('李四（第7组）')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('广场上大约有多少人'), '280');
    await userEvent.type(screen.getByLabelText('有什么情况要记下来'), '音响线路松动');
    await userEvent.click(screen.getByLabelText('李四（第7组）'));
    await userEvent.click(screen.getByTestId('save-report'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const request = (fetch.mock.calls[0] as unknown as [Request])[0];
    expect(request.method).toBe('PUT');
    expect(new URL(request.url).pathname).toBe('/api/v1/duty/nights/2026-11-28/report');
    expect(await request.json()).toEqual({ headcount: 280, incidents: '音响线路松动', weather_cancelled: false, no_show_user_ids: ['partner'] });
  });

  it('an evening called off for the weather has no headcount and no no-shows', async () => {
    await i18n.changeLanguage('zh-CN');
    const fetch = stubFetch();
    const onClose = renderModal();
    await userEvent.click(screen.getByLabelText('李四（第7组）'));
    await userEvent.click(screen.getByRole('switch', { name: '因天气取消' }));
    expect(screen.queryByLabelText('广场上大约有多少人')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('save-report'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await (fetch.mock.calls[0] as unknown as [Request])[0].json()).toEqual({
      headcount: null,
      incidents: '',
      weather_cancelled: true,
      no_show_user_ids: [],
    });
  });
});
