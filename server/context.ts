import type { Config } from './config';
import type { Db } from './db/types';
import type { PersonalDataCipher } from './security/personal-data';
import type { EventBus } from './events/bus';
import type { JobQueue } from './jobs/queue';
import type { FaceVerifier } from './face/verifier';
import type { BatchRunner } from './modules/batches';
import type { DelegationSettings } from './modules/delegation';
import type { FaceCheckSettings } from './modules/face-checks';
import type { TaxPort } from './modules/firms';
import type { IdentityAuthority } from './modules/identity-authority';
import type { SmsGateway } from './modules/sms';
import type { SealSettings } from './modules/seals';
import type { AuthorityCache } from './auth/authority-cache';
import type { SessionCache } from './auth/session-cache';
import type { TestClock } from './test-clock';

/**
 * The context's services that are made on first use (a verifier loads a model; settings read the
 * environment once) or that a test installs in their place. Each belongs to one context, so two
 * platforms in one process (tests) never share them. The accessor of each lives in its module.
 */
export type AppServices = {
  taxPort?: TaxPort;
  delegationSettings?: DelegationSettings;
  faceCheckSettings?: FaceCheckSettings;
  faceVerifier?: Promise<FaceVerifier>;
  batchRunner?: BatchRunner;
  identityAuthority?: IdentityAuthority;
  smsGateway?: SmsGateway;
  sealSettings?: SealSettings;
  sessionCache?: SessionCache;
  authorityCache?: AuthorityCache;
  /** The movable test clock, only when SHANGTONG_CLOCK_START is set (refused in production). */
  testClock?: TestClock;
  /** A demo start enrols the demo portraits after listen; portrait reads wait for it. Never rejects. */
  portraitsReady?: Promise<void>;
};

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
  services: AppServices;
};
