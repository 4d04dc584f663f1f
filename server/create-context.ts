import type { Config } from './config';
import type { DatabaseHandle } from './db/open';
import type { AppContext } from './context';
import { EventBus } from './events/bus';
import { PersonalDataCipher } from './security/personal-data';
import { productVersion } from './version';

/** The real clock, or a test clock that starts at `clockStart` and runs at the real pace. */
const clockFor = (config: Config): (() => Date) => {
  if (!config.clockStart) return () => new Date();
  const offset = config.clockStart.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
};

/** The context every module receives, built from an open database and the configuration. */
export const createContext = (handle: DatabaseHandle, config: Config): AppContext => ({
  db: handle.db,
  dbKind: handle.kind,
  config,
  cipher: new PersonalDataCipher(config.dataKey),
  bus: new EventBus(),
  version: process.env.SHANGTONG_VERSION ?? productVersion(),
  now: clockFor(config),
  services: {},
});
