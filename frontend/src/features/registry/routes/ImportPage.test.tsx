import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { ReactNode } from 'react';
import i18n from '@/lib/i18n';
import { SessionProvider, useSession } from '@/lib/session';
import { ImportPage } from './ImportPage';

const me = {
  id: '00000000-0000-0000-0000-000000000001',
  username: 'staff',
  display_name: '王主任',
  role: 'staff',
  community: { id: '00000000-0000-0000-0000-000000000002', name: '星光社区', province: '浙江省', city: '金华市', county: '武义县' },
};

const failedCheck = {
  id: 'c',
  status: 'failed',
  dry_run: true,
  file_name: '第二组.csv',
  format: 'csv',
  total_rows: 10,
  processed_rows: 10,
  households_created: 0,
  residents_created: 0,
  residents_skipped: 0,
  created_at: '2026-11-27T02:00:00Z',
  finished_at: '2026-11-27T02:00:05Z',
  errors: [
    { row: 3, field: '身份证号', message: '校验位不对' },
    { row: 0, field: '', message: '表头缺少列：手机' },
  ],
};

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function SignedIn({ children }: { children: ReactNode }) {
  return useSession().state.status === 'authenticated' ? children : null;
}

function renderAt(path: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request | string) => {
      const { pathname } = new URL(typeof input === 'string' ? input : input.url);
      if (pathname === '/api/v1/auth/refresh') return json({ access_token: 'token', token_type: 'Bearer', expires_in: 900 });
      if (pathname === '/api/v1/me') return json(me);
      if (pathname === '/api/v1/registry/imports/c') return json(failedCheck);
      return json({ code: 'not_found' }, 404);
    }),
  );
  const router = createMemoryRouter([{ path: '/registry/import', element: <ImportPage /> }], { initialEntries: [path] });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SessionProvider>
        <SignedIn>
          <RouterProvider router={router} />
        </SignedIn>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

describe('ImportPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows an earlier import's report by its id, the row errors as cards on a phone", async () => {
    await i18n.changeLanguage('zh-CN');
    renderAt('/registry/import?id=c');
    await screen.findByTestId('past-import');
    expect(screen.getByText('第二组.csv')).toBeInTheDocument();
    expect(screen.getByTestId('import-status')).toHaveTextContent('检查未通过');
    // jsdom matches no media query, so the screen counts as a phone.
    await waitFor(() => expect(screen.getAllByTestId('import-error')[0]).toHaveClass('ant-card'));
    const cards = screen.getAllByTestId('import-error');
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveTextContent('第 3 行 · 身份证号');
    expect(within(cards[0]!).getByText('校验位不对')).toBeInTheDocument();
    expect(cards[1]).toHaveTextContent('整个文件');
    expect(screen.getByRole('link', { name: '导入新文件' })).toHaveAttribute('href', '/registry/import');
    // No upload wizard for an earlier import.
    expect(screen.queryByTestId('import-upload')).not.toBeInTheDocument();
  });

  it('shows the upload wizard without an id', async () => {
    await i18n.changeLanguage('zh-CN');
    renderAt('/registry/import');
    expect(await screen.findByTestId('import-check')).toBeDisabled();
  });
});
