import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * The document title of every route, "页面 · 企业 · 商通": the page part is the main landmark's h1
 * (its data-title when it carries more than its name, e.g. a status tag), followed by the company
 * the page is about. Watching the h1 keeps the title right while the page loads and when it changes,
 * and pages added later need nothing beyond their h1.
 */
export const useRouteTitle = (company?: string): void => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const app = t('app.name');
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const update = (): void => {
      const h1 = main.querySelector('h1');
      const page = (h1?.getAttribute('data-title') ?? h1?.textContent ?? '').trim();
      const parts = [page, company && company !== page ? company : '', app].filter((p) => p.length > 0);
      const next = parts.join(' · ');
      if (document.title !== next) document.title = next;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [pathname, company, app]);
};
