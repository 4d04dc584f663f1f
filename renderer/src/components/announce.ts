import { useEffect, useRef, type RefObject } from 'react';
import type { LocalizedText } from '../../../shared/text';
import { useSession } from '../state/session';
import { toHongKong } from '../i18n/hong-kong';

/**
 * The one polite live region of the page. Submit results and live changes (an authorization
 * taking effect, a batch's progress and end, events from the server stream) are spoken through it
 * once: the same sentence repeated within a few seconds (a refetch, a second event for the same
 * change) is not spoken again.
 */
const REPEAT_MS = 4000;
let last = { text: '', at: 0 };

const region = (): HTMLElement => {
  let el = document.getElementById('st-announcer');
  if (!el) {
    el = document.createElement('div');
    el.id = 'st-announcer';
    el.className = 'st-sr-only';
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
    el.setAttribute('aria-atomic', 'true');
    document.body.appendChild(el);
  }
  return el;
};

export const announce = (text: string): void => {
  const now = Date.now();
  if (!text || (text === last.text && now - last.at < REPEAT_MS)) return;
  last = { text, at: now };
  const el = region();
  // Emptied first so that a screen reader hears a change even when the text is the same as before.
  el.textContent = '';
  window.setTimeout(() => {
    el.textContent = text;
  }, 50);
};

/** A server text {zh, en} in the language on screen (繁體 converted). */
export const announceLocalized = (t: LocalizedText): void => {
  const lang = useSession.getState().prefs.lang;
  announce(lang === 'en' ? t.en : lang === 'zh-HK' ? toHongKong(t.zh) : t.zh);
};

/**
 * When a result appears (a receipt, "request sent", an approval, a refusal), it is announced and
 * receives focus, so that keyboard and screen-reader users land on it instead of the page body.
 * The element needs tabIndex={-1}.
 */
export const useResultFocus = (
  ref: RefObject<HTMLElement | null>,
  shown: boolean,
  message?: string,
): void => {
  const wasShown = useRef(false);
  useEffect(() => {
    if (shown && !wasShown.current) {
      ref.current?.focus();
      const text = message ?? ref.current?.textContent ?? '';
      announce(text.trim());
    }
    wasShown.current = shown;
  }, [shown, ref, message]);
};
