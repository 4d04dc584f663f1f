import { App as AntApp, ConfigProvider, Result, Button } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider, useLocation, Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEffect, type ReactNode } from 'react';
import { useSession } from '../state/session';
import { themeFor } from './theme';
import { ErrorBoundary } from './ErrorBoundary';
import { Shell } from './Shell';
import { SignInPage } from '../pages/SignInPage';
import { SignUpPage } from '../pages/SignUpPage';
import { CompaniesPage } from '../pages/CompaniesPage';
import { CompanyHomePage } from '../pages/CompanyHomePage';
import { InboxPage } from '../pages/InboxPage';
import { FaceEnrolPage } from '../pages/FaceEnrolPage';
import { featureRoutes } from './feature-routes';
import { desktop } from '../desktop';

const RequireSignIn = ({ children }: { children: ReactNode }) => {
  const token = useSession((s) => s.token);
  const location = useLocation();
  if (!token) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
};

const NotFound = () => {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('errors.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
};

/** Routes shangtong:// deep links from the desktop shell into the router. */
const DeepLinks = () => {
  useEffect(() => desktop.onDeepLink((path) => void getRouter().navigate(path)), []);
  return <Outlet />;
};

// Built on first render, after registerFeatures() has filled the feature route registries.
let router: ReturnType<typeof createBrowserRouter> | undefined;
const getRouter = () =>
  (router ??= createBrowserRouter([
    {
      element: <DeepLinks />,
      children: [
        { path: '/sign-in', element: <SignInPage /> },
        { path: '/sign-up', element: <SignUpPage /> },
        ...featureRoutes.open,
        {
          element: (
            <RequireSignIn>
              <Shell />
            </RequireSignIn>
          ),
          children: [
            { path: '/', element: <CompaniesPage /> },
            { path: '/companies/:companyId', element: <CompanyHomePage /> },
            { path: '/inbox', element: <InboxPage /> },
            { path: '/account/face', element: <FaceEnrolPage /> },
            ...featureRoutes.signedIn,
          ],
        },
        { path: '*', element: <NotFound /> },
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
      locale={prefs.lang === 'zh' ? zhCN : enUS}
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
