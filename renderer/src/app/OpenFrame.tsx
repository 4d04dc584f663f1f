import { Outlet, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PrefsControls } from '../components/PrefsBar';
import { SkipLink } from './SkipLink';
import { useRouteTitle } from './useRouteTitle';

/**
 * The frame of the pages without sign-in (sign-in, sign-up, phone approval and confirmation, public
 * verification): a skip link, a banner with the brand, navigation and the language and elder-mode
 * controls, and the main landmark.
 */
export const OpenFrame = () => {
  const { t } = useTranslation();
  useRouteTitle();
  return (
    <>
      <SkipLink />
      <header className="st-header st-header-open">
        <nav aria-label={t('nav.site')} className="st-nav">
          <Link to="/" className="st-brand">
            <img src="/favicon.svg" width={28} height={28} alt="" />
            {t('app.name')}
          </Link>
        </nav>
        <span className="st-spacer" />
        <PrefsControls />
      </header>
      <main id="main" tabIndex={-1} className="st-open-main">
        <Outlet />
      </main>
    </>
  );
};
