/**
 * Ant Design's own components draw icons (Alert's status symbol, Select's arrow, Result's picture,
 * Pagination's chevrons) with role="img" and an English aria-label ("close-circle", "down"), which
 * a Chinese screen reader reads aloud. Beside text or inside a control that has its own name they
 * are decoration, so they are hidden from assistive technology. An icon that is the only name of
 * its control (a chevron button with no label) is left as it is: hiding it would leave the control
 * nameless, which is worse.
 */
const ICON = 'span.anticon[role="img"]:not([aria-hidden])';
const CONTROL = 'button, a, [role="button"], [role="link"], [role="tab"], [role="menuitem"]';

const controlNamedWithoutIcon = (control: Element, icon: Element): boolean => {
  if (control.getAttribute('aria-label') || control.getAttribute('aria-labelledby')) return true;
  if (control.getAttribute('title')) return true;
  const text = (control.textContent ?? '').replace(icon.textContent ?? '', '').trim();
  return text.length > 0;
};

const hide = (icon: Element): void => {
  const control = icon.parentElement?.closest(CONTROL);
  if (control && !controlNamedWithoutIcon(control, icon)) return;
  icon.setAttribute('aria-hidden', 'true');
};

/** Hides every decorative icon under `root` now. */
export const hideIconsIn = (root: ParentNode): void => {
  if (root instanceof Element && root.matches(ICON)) hide(root);
  root.querySelectorAll(ICON).forEach(hide);
};

/** Keeps hiding them as the page changes; returns the function that stops watching. */
export const hideDecorativeIcons = (root: HTMLElement = document.body): (() => void) => {
  hideIconsIn(root);
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) if (node instanceof Element) hideIconsIn(node);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
};
