import type { Config } from './config';
import type { Db } from './db/types';
import type { PersonalDataCipher } from './security/personal-data';
import type { EventBus } from './events/bus';

/** Everything a module needs, passed explicitly (no global singletons). */
export type AppContext = {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  cipher: PersonalDataCipher;
  bus: EventBus;
  version: string;
  /** Injectable clock so expiry rules are testable. */
  now: () => Date;
};
