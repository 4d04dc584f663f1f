import type { LocalPreferences as LocalPreferencesType } from '../shared/desktop-api';
import { LocalPreferences } from './ipc-schemas';
import { readJsonFile, writeJsonFile } from './json-file';

export type PreferencesStore = {
  get(): LocalPreferencesType | null;
  set(prefs: LocalPreferencesType): void;
};

/** Local UI preferences (language, elder mode) in userData/preferences.json. */
export const createPreferencesStore = (file: string): PreferencesStore => {
  let cached: LocalPreferencesType | null | undefined;
  return {
    get: () => {
      if (cached === undefined) cached = readJsonFile(file, LocalPreferences) ?? null;
      return cached;
    },
    set: (prefs) => {
      cached = prefs;
      writeJsonFile(file, prefs);
    },
  };
};
