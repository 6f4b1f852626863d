import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import i18n from '@/lib/i18n';
import { RecentImportsWidget } from './RecentImportsWidget';

const base = {
  dry_run: false,
  format: 'csv',
  total_rows: 32,
  processed_rows: 32,
  households_created: 0,
  residents_created: 0,
  residents_skipped: 0,
  error_count: 0,
  created_at: '2026-11-27T02:00:00Z',
  finished_at: '2026-11-27T02:01:00Z',
};

function answer(items: object[]) {
  const fetch = vi.fn(async () => new Response(JSON.stringify({ items, next_cursor: null }), { headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderWidget() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <RecentImportsWidget />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('finished imports on the staff home', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists the user's own finished imports, each a link to its report", async () => {
    await i18n.changeLanguage('zh-CN');
    const fetch = answer([
      { ...base, id: 'a', status: 'running', file_name: '还在跑.csv', finished_at: null },
      { ...base, id: 'b', status: 'imported', file_name: '第二组.xlsx', households_created: 12, residents_created: 30, residents_skipped: 2 },
      { ...base, id: 'c', status: 'failed', dry_run: true, file_name: null, error_count: 3 },
    ]);
    renderWidget();
    const items = await screen.findAllByTestId('recent-import');
    expect(items).toHaveLength(2);
    const [imported, failed] = items as [HTMLElement, HTMLElement];
    expect(within(imported).getByRole('link', { name: '第二组.xlsx' })).toHaveAttribute('href', '/registry/import?id=b');
    expect(within(imported).getByTestId('import-status')).toHaveTextContent('已导入');
    expect(imported).toHaveTextContent('新增 12 户 30 人，跳过 2 人');
    expect(within(failed).getByRole('link', { name: '（未命名文件）' })).toHaveAttribute('href', '/registry/import?id=c');
    expect(within(failed).getByTestId('import-status')).toHaveTextContent('检查未通过');
    expect(failed).toHaveTextContent('3 行有误');
    expect(screen.queryByText('还在跑.csv')).not.toBeInTheDocument();
    const url = new URL((fetch.mock.calls[0] as unknown as [Request])[0].url);
    expect(url.pathname).toBe('/api/v1/registry/imports');
    expect(url.searchParams.get('mine')).toBe('true');
    expect(url.searchParams.get('limit')).toBe('5');
  });

  it('says so in plain words when there are none', async () => {
    await i18n.changeLanguage('zh-CN');
    answer([]);
    renderWidget();
    expect(await screen.findByText('您最近没有导入过居民名单')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '去导入' })).toHaveAttribute('href', '/registry/import');
  });
});
