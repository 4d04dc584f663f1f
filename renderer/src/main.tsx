import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/global.css';
import { initI18n } from './i18n';
import { desktop } from './desktop';
import { configureApi } from './api/client';
import { useSession } from './state/session';
import { createQueryClient } from './app/query-client';
import { registerFeatures } from './features';
import { App, preloadStartPage } from './app/App';
import { prepareLanguage } from './app/preferences';
import { hideDecorativeIcons } from './components/decorative-icons';

/** Bootstrap: restore token and preferences from the host, then render. */
const start = async (): Promise<void> => {
  registerFeatures();
  const [token, stored] = await Promise.all([desktop.getSessionToken(), desktop.getPreferences()]);
  preloadStartPage(token !== null, window.location.pathname);
  const prefs = stored ?? { lang: 'zh' as const, elderMode: false };
  initI18n(prefs.lang);
  await prepareLanguage(prefs.lang);
  const queryClient = createQueryClient();
  configureApi({
    token,
    lang: prefs.lang,
    onUnauthenticated: () => {
      void desktop.setSessionToken(null);
      configureApi({ token: null });
      useSession.getState().setToken(null);
      queryClient.clear();
    },
  });
  useSession.getState().setReady(token, prefs);
  hideDecorativeIcons();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
};

void start();
