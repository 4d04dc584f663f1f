import type { Config } from './config';
import type { DatabaseHandle } from './db/open';
import type { AppContext } from './context';
import { EventBus } from './events/bus';
import { inProcessQueue } from './jobs/queue';
import { PersonalDataCipher } from './security/personal-data';
import { productVersion } from './version';
import { testClock } from './test-clock';

/** The context every module receives, built from an open database and the configuration. */
export const createContext = (handle: DatabaseHandle, config: Config): AppContext => {
  // The real clock, or a test clock that starts at `clockStart`, runs at the real pace and can be moved on.
  const clock = config.clockStart ? testClock(config.clockStart) : undefined;
  return {
    db: handle.db,
    dbKind: handle.kind,
    config,
    cipher: new PersonalDataCipher(config.dataKey),
    bus: new EventBus(handle.db, handle.listen),
    // The platform swaps in pg-boss on PostgreSQL (server/platform.ts).
    jobs: inProcessQueue(),
    version: process.env.SHANGTONG_VERSION ?? productVersion(),
    now: clock ? clock.now : () => new Date(),
    services: clock ? { testClock: clock } : {},
  };
};
