import type { Config } from './config';
import type { Db } from './db/types';
import type { PersonalDataCipher } from './security/personal-data';
import type { EventBus } from './events/bus';
import type { JobQueue } from './jobs/queue';

/** Everything a module needs, passed explicitly (no global singletons). */
export type AppContext = {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  cipher: PersonalDataCipher;
  bus: EventBus;
  /** Background work, once across instances (pg-boss on PostgreSQL, in-process on PGlite). */
  jobs: JobQueue;
  version: string;
  /** Injectable clock so expiry rules are testable. */
  now: () => Date;
};
