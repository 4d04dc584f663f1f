import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import {
  createBrowserRouter,
  matchRoutes,
  Navigate,
  RouterProvider,
  useLocation,
  Outlet,
} from 'react-router';
import { useEffect, type ReactNode } from 'react';
import { useSession } from '../state/session';
import { themeFor } from './theme';
import { ErrorBoundary } from './ErrorBoundary';
import { lazyPage } from './lazy-page';
import { featureRoutes } from './feature-routes';
import { loadEventHandlers } from './event-handlers';
import { loadFeatureMessages } from '../i18n';
import { desktop } from '../desktop';
import { OpenFrame } from './OpenFrame';
import { antdLocaleOf } from './antd-locales';

const RequireSignIn = ({ children }: { children: ReactNode }) => {
  const token = useSession((s) => s.token);
  const location = useLocation();
  if (!token) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
};

/** Routes shangtong:// deep links from the desktop shell into the router. */
const DeepLinks = () => {
  useEffect(() => desktop.onDeepLink((path) => void getRouter().navigate(path)), []);
  return <Outlet />;
};

// The first screen's code: the sign-in page, or the signed-in frame and the home page. Each is its
// own chunk like every other page, so neither start pays for the other; main.tsx asks for the
// right one as soon as it knows whether someone is signed in, before the router gets to it.
const loadSignIn = () => import('../pages/SignInPage').then(({ SignInPage }) => SignInPage);
// The frame opens the event stream: the features' event handlers come with it.
const loadShell = () => Promise.all([import('./Shell'), loadEventHandlers()]).then(([{ Shell }]) => Shell);
const loadHome = () => import('../pages/CompaniesPage').then(({ CompaniesPage }) => CompaniesPage);

const whenIdle = (fn: () => void): void => {
  if ('requestIdleCallback' in window) window.requestIdleCallback(fn);
  else setTimeout(fn, 200);
};

/** A failed download is reported by the page's error boundary when it renders. */
const quietly = (loading: Promise<unknown>): void => void loading.catch(() => undefined);

export const preloadStartPage = (signedIn: boolean, path: string): void => {
  // Pages outside the frame (sign-up, phone approval, public verification) fetch their own code.
  if (matchRoutes([{ path: '/sign-up' }, ...featureRoutes.open], path)) return;
  if (signedIn && path !== '/sign-in') {
    quietly(Promise.all([loadShell(), loadFeatureMessages(), ...(path === '/' ? [loadHome()] : [])]));
    return;
  }
  // While someone types their password, fetch the home page they are about to see.
  quietly(
    loadSignIn().then(() =>
      whenIdle(() => quietly(Promise.all([loadShell(), loadHome(), loadFeatureMessages()]))),
    ),
  );
};

// Built on first render, after registerFeatures() has filled the feature route registries.
let router: ReturnType<typeof createBrowserRouter> | undefined;
const getRouter = () =>
  (router ??= createBrowserRouter([
    {
      element: <DeepLinks />,
      children: [
        {
          // Pages without sign-in get the same landmarks and skip link as the signed-in frame.
          element: <OpenFrame />,
          children: [
            // The two pages that need only the common messages, not the features'.
            { path: '/sign-in', element: lazyPage(loadSignIn, { messages: false }) },
            {
              path: '/sign-up',
              element: lazyPage(() => import('../pages/SignUpPage').then(({ SignUpPage }) => SignUpPage), {
                messages: false,
              }),
            },
            ...featureRoutes.open,
            {
              path: '*',
              element: lazyPage(() => import('./NotFound').then(({ NotFound }) => NotFound), {
                messages: false,
              }),
            },
          ],
        },
        {
          element: <RequireSignIn>{lazyPage(loadShell)}</RequireSignIn>,
          children: [
            { path: '/', element: lazyPage(loadHome) },
            {
              path: '/companies/:companyId',
              element: lazyPage(() =>
                import('../pages/CompanyHomePage').then(({ CompanyHomePage }) => CompanyHomePage),
              ),
            },
            {
              path: '/inbox',
              element: lazyPage(() => import('../pages/InboxPage').then(({ InboxPage }) => InboxPage)),
            },
            {
              path: '/account/face',
              element: lazyPage(() =>
                import('../pages/FaceEnrolPage').then(({ FaceEnrolPage }) => FaceEnrolPage),
              ),
            },
            ...featureRoutes.signedIn,
          ],
        },
      ],
    },
  ]));

export const App = ({ queryClient }: { queryClient: QueryClient }) => {
  const prefs = useSession((s) => s.prefs);
  useEffect(() => {
    document.body.classList.toggle('st-elder', prefs.elderMode);
  }, [prefs.elderMode]);
  return (
    <ConfigProvider
      locale={antdLocaleOf(prefs.lang)}
      theme={themeFor(prefs.elderMode)}
      componentSize={prefs.elderMode ? 'large' : 'middle'}
    >
      <AntApp>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={getRouter()} />
          </QueryClientProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
};
