import { create } from 'zustand';
import type { LocalPreferences } from '../../../shared/desktop-api';

/** Client state only: the session token, the chosen company, UI preferences. Server data lives in TanStack Query. */
type SessionState = {
  ready: boolean;
  token: string | null;
  currentCompanyId: string | null;
  prefs: LocalPreferences;
  setReady: (token: string | null, prefs: LocalPreferences) => void;
  setToken: (token: string | null) => void;
  setCompany: (id: string | null) => void;
  setPrefs: (prefs: LocalPreferences) => void;
};

export const useSession = create<SessionState>((set) => ({
  ready: false,
  token: null,
  currentCompanyId: null,
  prefs: { lang: 'zh', elderMode: false },
  setReady: (token, prefs) => set({ ready: true, token, prefs }),
  setToken: (token) => set({ token, ...(token ? {} : { currentCompanyId: null }) }),
  setCompany: (currentCompanyId) => set({ currentCompanyId }),
  setPrefs: (prefs) => set({ prefs }),
}));
