import { useCallback, useRef, type RefObject } from 'react';

/**
 * Focus after a dialog that is mounted only while open (Ant Design restores focus only when its
 * Modal closes with an animation, not when it is unmounted): back to the element that opened it,
 * or, when that element is gone (the due item just filed), to a sensible place such as the
 * section's heading (give it tabIndex={-1}).
 */
export const useDialogFocus = (
  fallback: RefObject<HTMLElement | null> | undefined,
): { remember: () => void; restore: (openerGone?: boolean) => void } => {
  const opener = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, []);
  const restore = useCallback(
    (openerGone = false) => {
      const el = opener.current;
      opener.current = null;
      // After React has removed the dialog: focusing before that would be undone by the Modal.
      window.setTimeout(() => {
        const target = !openerGone && el?.isConnected ? el : fallback?.current;
        target?.focus();
      }, 0);
    },
    [fallback],
  );
  return { remember, restore };
};
