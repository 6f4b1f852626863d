// Keeping a keyboard user's place when a button is replaced by its counterpart (我要报名 by
// 取消报名, 找人替班 by 撤回): the button they pressed is gone, so the browser drops the focus on the
// page (or it was in the dialog that confirmed the change, which closes); without help the next
// Tab starts again at the top or the bottom of the page.
import { useEffect, useRef, type RefObject } from 'react';

/** Dialogs and pop-ups that confirm an action (Modal, modal.confirm, Popconfirm). */
const CONFIRMING = '.ant-modal-wrap, .ant-popover';

/** Whether the focus is nowhere in particular, or in a dialog or pop-up about to close. */
export function focusAdrift(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !!active.closest(CONFIRMING);
}

/**
 * When `state` changes (not on the first render), the focus goes to `target` — the button that
 * now stands where the pressed one was — if the user was on the button before (or went from it
 * into the dialog that confirmed the change) and the focus is adrift now. Data that merely loads
 * or changes elsewhere never moves the focus.
 */
export function useFocusOnChange(state: unknown, target: RefObject<HTMLElement | null>) {
  const previous = useRef(state);
  const onIt = useRef(false);
  useEffect(() => {
    const follow = (e: FocusEvent) => {
      const el = e.target instanceof Element ? e.target : null;
      if (el && el === target.current) onIt.current = true;
      else if (!el?.closest(CONFIRMING)) onIt.current = false;
    };
    document.addEventListener('focusin', follow);
    return () => document.removeEventListener('focusin', follow);
  }, [target]);
  useEffect(() => {
    if (Object.is(previous.current, state)) return;
    previous.current = state;
    if (onIt.current && target.current && focusAdrift()) target.current.focus();
  }, [state, target]);
}
