import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import i18n from '@/lib/i18n';
import { SessionProvider } from '@/lib/session';
import { LoginPage } from './LoginPage';

function problem(status: number, code: string, detail: string) {
  return new Response(JSON.stringify({ type: `urn:xingguang:problem:${code}`, title: 'x', status, code, detail }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

function renderLogin() {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/', element: <p>home</p> },
    ],
    {
      initialEntries: ['/login'],
    },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>,
  );
}

describe('LoginPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for both fields before calling the API', async () => {
    const fetch = vi.fn(async () => problem(401, 'missing_refresh_token', 'none'));
    vi.stubGlobal('fetch', fetch);
    await i18n.changeLanguage('zh-CN');
    renderLogin();
    await userEvent.click(await screen.findByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    // Only the session-restore attempt at start-up reached the network.
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shows the problem in plain words when the password is wrong', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: Request | string) => {
        const url = typeof input === 'string' ? input : input.url;
        return url.endsWith('/auth/login') ? problem(401, 'invalid_credentials', 'Wrong username or password.') : problem(401, 'missing_refresh_token', 'none');
      }),
    );
    await i18n.changeLanguage('en');
    renderLogin();
    await userEvent.type(await screen.findByLabelText('Username'), 'staff');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Wrong username or password.');
    await i18n.changeLanguage('zh-CN');
  });
});
