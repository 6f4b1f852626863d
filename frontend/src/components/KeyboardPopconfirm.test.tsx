import { describe, expect, it, vi } from 'vitest';
import { useRef, useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, ConfigProvider, type ButtonProps } from 'antd';
import { KeyboardPopconfirm } from './KeyboardPopconfirm';
import { useFocusOnChange } from './focus';

describe('KeyboardPopconfirm', () => {
  it('opens on 取消, closes on Esc with the focus back on its button, and confirms from the keyboard', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    // Without motion, as the app runs for who asks for reduced motion (and as jsdom can show it).
    render(
      <ConfigProvider theme={{ token: { motion: false } }}>
        <KeyboardPopconfirm
          title="删除这几天？"
          okText="删除"
          cancelText="取消"
          okButtonProps={{ 'data-testid': 'ok' } as ButtonProps}
          cancelButtonProps={{ 'data-testid': 'cancel' } as ButtonProps}
          onConfirm={onConfirm}
        >
          <Button data-testid="opener">删除</Button>
        </KeyboardPopconfirm>
      </ConfigProvider>,
    );
    const opener = screen.getByTestId('opener');
    await user.tab();
    expect(opener).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('cancel')).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(opener).toHaveFocus());

    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('cancel')).toHaveFocus());
    await user.tab();
    expect(screen.getByTestId('ok')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(opener).toHaveFocus());
  });
});

/** 报名 and 取消报名 taking each other's place, as on an event card. */
function Toggle({ initial = false }: { initial?: boolean }) {
  const [on, setOn] = useState(initial);
  const button = useRef<HTMLButtonElement | HTMLAnchorElement>(null);
  useFocusOnChange(on, button);
  return (
    <>
      <Button>别处</Button>
      {on ? (
        <Button ref={button} onClick={() => setOn(false)}>
          取消报名
        </Button>
      ) : (
        <Button ref={button} onClick={() => setOn(true)}>
          我要报名
        </Button>
      )}
      <Button onClick={() => setOn((v) => !v)}>从别处切换</Button>
    </>
  );
}

describe('useFocusOnChange', () => {
  it('moves the focus to the button that took the pressed one’s place', async () => {
    const user = userEvent.setup();
    render(<Toggle />);
    await user.click(screen.getByRole('button', { name: '我要报名' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '取消报名' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: '我要报名' })).toHaveFocus());
  });

  it('leaves the focus alone when the change comes from elsewhere', async () => {
    const user = userEvent.setup();
    render(<Toggle />);
    const elsewhere = screen.getByRole('button', { name: '从别处切换' });
    await user.click(elsewhere);
    expect(screen.getByRole('button', { name: '取消报名' })).toBeInTheDocument();
    expect(elsewhere).toHaveFocus();
  });
});
