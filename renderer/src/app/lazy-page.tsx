import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Card, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './ErrorBoundary';

/**
 * What a page shows while its code is fetched: a large spinner and "Loading…" in the page area
 * (the shell stays put), faded in after a moment so a fast load does not flash.
 */
export const PageLoading = () => {
  const { t } = useTranslation();
  return (
    <div className="st-loading" role="status" aria-live="polite" data-testid="page-loading">
      <Spin size="large" />
      <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>
    </div>
  );
};

let pages = 0;

/**
 * A route element whose page is a separate chunk, fetched on first render: a loading state
 * meanwhile, the app's error page (with reload) if the chunk cannot be loaded.
 *
 *   element: lazyPage(() => import('./ReviewPage').then(({ ReviewPage }) => ReviewPage))
 */
export const lazyPage = (load: () => Promise<ComponentType>): ReactElement => {
  const Page = lazy(() => load().then((Component) => ({ default: Component })));
  // Its own key: going to another page mounts a fresh boundary (a loading state rather than the
  // previous page lingering during the router's transition; an error does not follow you there).
  return (
    <ErrorBoundary key={`page-${++pages}`}>
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    </ErrorBoundary>
  );
};

/**
 * A panel or widget (company page, home page) whose code is a separate chunk, fetched when first
 * shown: a skeleton card while it loads (nothing, for widgets that only appear when they have
 * something to say), the app's error page if the chunk cannot be loaded.
 */
export const lazyPanel = <P extends object>(
  load: () => Promise<ComponentType<P>>,
  { skeleton = true }: { skeleton?: boolean } = {},
): ComponentType<P> => {
  const Panel = lazy(() => load().then((Component) => ({ default: Component })));
  const LazyPanel = (props: P) => (
    <ErrorBoundary>
      <Suspense fallback={skeleton ? <Card loading /> : null}>
        <Panel {...props} />
      </Suspense>
    </ErrorBoundary>
  );
  return LazyPanel;
};
