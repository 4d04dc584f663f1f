import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Spin, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './ErrorBoundary';
import { loadFeatureMessages } from '../i18n';

// The skeleton card of a loading panel: panels live in the signed-in frame, which brings antd's Card
// itself, so the first download (the sign-in page) does not carry Card and its tabs.
const SkeletonCard = lazy(() =>
  import('antd/es/card').then(({ default: Card }) => ({ default: () => <Card loading /> })),
);

/**
 * What a page shows while its code is fetched: a large spinner and "Loading…" in the page area
 * (the shell stays put), faded in after a moment so a fast load does not flash.
 */
export const PageLoading = () => {
  const { t } = useTranslation();
  // A plain span in the secondary text colour: Typography would bring its editable text area along.
  const { token } = theme.useToken();
  return (
    <div className="st-loading" role="status" aria-live="polite" data-testid="page-loading">
      <Spin size="large" />
      <span style={{ color: token.colorTextSecondary }}>{t('app.loading')}</span>
    </div>
  );
};

let pages = 0;

/**
 * A route element whose page is a separate chunk, fetched on first render: a loading state
 * meanwhile, the app's error page (with reload) if the chunk cannot be loaded.
 *
 *   element: lazyPage(() => import('./ReviewPage').then(({ ReviewPage }) => ReviewPage))
 *
 * The features' messages are fetched with it (`messages: false` for the pages that need only the
 * common ones: sign-in and sign-up).
 */
export const lazyPage = (
  load: () => Promise<ComponentType>,
  { messages = true }: { messages?: boolean } = {},
): ReactElement => {
  const Page = lazy(() =>
    Promise.all([load(), messages ? loadFeatureMessages() : undefined]).then(([Component]) => ({
      default: Component,
    })),
  );
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
  const Panel = lazy(() =>
    Promise.all([load(), loadFeatureMessages()]).then(([Component]) => ({ default: Component })),
  );
  const LazyPanel = (props: P) => (
    <ErrorBoundary>
      <Suspense
        fallback={
          skeleton ? (
            <Suspense fallback={null}>
              <SkeletonCard />
            </Suspense>
          ) : null
        }
      >
        <Panel {...props} />
      </Suspense>
    </ErrorBoundary>
  );
  return LazyPanel;
};
