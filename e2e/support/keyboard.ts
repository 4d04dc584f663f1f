import { expect, type Locator, type Page } from '@playwright/test';

/** What a keyboard user sees of the focused element: where it is, and whether its focus shows. */
export type FocusStop = {
  /** A short description for failure messages: tag, test id or role, and text. */
  what: string;
  inViewport: boolean;
  indicator: boolean;
};

/**
 * Reads the focused element in the page, and whether it is `target` (one round trip per stop: the
 * flows press Tab dozens of times). Native radio and checkbox inputs that Ant Design hides
 * (opacity 0) are judged by the box that draws them (their label wrapper): that is what the user
 * sees, and an outline on the invisible input itself would prove nothing.
 */
const readFocus = (target: Locator): Promise<(FocusStop & { isTarget: boolean }) | null> =>
  target.evaluate((wanted) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const rect = el.getBoundingClientRect();
    const hidden = getComputedStyle(el).opacity === '0' || rect.width < 2 || rect.height < 2;
    const box =
      (hidden
        ? el.closest<HTMLElement>(
            '.ant-radio-button-wrapper, .ant-radio-wrapper, .ant-checkbox-wrapper, .ant-switch, label',
          )
        : null) ?? el;
    const s = getComputedStyle(box);
    const outline =
      s.outlineStyle !== 'none' &&
      parseFloat(s.outlineWidth) > 0 &&
      !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(s.outlineColor);
    const shadow = s.boxShadow !== 'none' && !/^rgba\(\d+, \d+, \d+, 0\)/.test(s.boxShadow);
    const r = box.getBoundingClientRect();
    // Wholly inside; a large box (a result card with its QR code) at least with its first 120 px,
    // its title, inside: focus() does not scroll a box that is already partly in view.
    const inViewport =
      r.width > 0 &&
      r.height > 0 &&
      r.top >= 0 &&
      r.left >= 0 &&
      r.right <= window.innerWidth &&
      (r.bottom <= window.innerHeight || (r.height > 120 && r.top <= window.innerHeight - 120));
    const name =
      el.getAttribute('data-testid') ??
      el.getAttribute('aria-label') ??
      (el.textContent ?? '').trim().slice(0, 30);
    return {
      what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name}"`,
      inViewport,
      indicator: outline || shadow,
      isTarget: el === wanted,
    };
  });

/** Asserts the focused element is `target`, lies inside the viewport and shows its focus. */
export const expectFocusedVisibly = async (target: Locator): Promise<void> => {
  await expect(target).toBeFocused();
  const stop = await readFocus(target);
  expect(stop, 'something has focus').not.toBeNull();
  expect(stop?.inViewport, `${stop?.what} is inside the viewport`).toBe(true);
  expect(stop?.indicator, `${stop?.what} shows a focus indicator`).toBe(true);
};

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, at most `max` times. Every stop on the way
 * must be inside the viewport and show its focus too: a keyboard user passes through them.
 */
export const tabTo = async (
  page: Page,
  target: Locator,
  { max = 40, back = false }: { max?: number; back?: boolean } = {},
): Promise<void> => {
  const invisible: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const stop = await readFocus(target);
    if (stop && (!stop.inViewport || !stop.indicator))
      invisible.push(
        `${stop.what}${stop.inViewport ? '' : ' (outside the viewport)'}${stop.indicator ? '' : ' (no focus indicator)'}`,
      );
    if (stop?.isTarget) {
      expect(invisible, 'every focus stop on the way is visible').toEqual([]);
      await expectFocusedVisibly(target);
      return;
    }
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach ${target.toString()}`);
};
