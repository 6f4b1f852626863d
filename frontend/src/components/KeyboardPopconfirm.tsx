// Ant Design's Popconfirm, usable from the keyboard. Ant Design's own leaves the focus on the
// button that opened it while its pop-up sits at the very end of the page: Tab reaches 取消 and
// the confirming button only after every other control, and Esc there does nothing. This one opens
// with the focus on 取消 (the harmless choice; Tab goes on to the confirming one), closes on Esc
// from anywhere, and gives the focus back to the button that opened it while that is still there
// (unless the focus has moved on elsewhere, a click outside into a field, say).
import { useEffect, useRef, useState } from 'react';
import { Popconfirm, type ButtonProps, type PopconfirmProps } from 'antd';
import { focusAdrift } from './focus';

export function KeyboardPopconfirm({ onOpenChange, afterOpenChange, cancelButtonProps, ...props }: PopconfirmProps) {
  const [open, setOpen] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const change: NonNullable<PopconfirmProps['onOpenChange']> = (next, e) => {
    if (next) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(next);
    onOpenChange?.(next, e);
    if (!next) {
      if (opener.current?.isConnected && focusAdrift()) opener.current.focus();
      opener.current = null;
    }
  };
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') change(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
  return (
    <Popconfirm
      {...props}
      open={open}
      onOpenChange={change}
      afterOpenChange={(visible) => {
        if (visible) cancelRef.current?.focus();
        afterOpenChange?.(visible);
      }}
      cancelButtonProps={{ ...cancelButtonProps, ref: cancelRef } as ButtonProps}
    />
  );
}
