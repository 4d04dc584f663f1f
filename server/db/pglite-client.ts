/**
 * PGlite as the server opens it. drizzle's PGlite driver passes the same per-query `parsers`
 * (timestamps, dates, intervals and their arrays kept as text) with every statement, and PGlite
 * then merges them into a copy of its ~360-entry parser table for each result — measured at 11%
 * of server CPU on reads. Here the client is created with those parsers as its defaults, and a
 * per-query `parsers` option that only repeats them is dropped, so no copy is made. Results are
 * unchanged: the same parsers apply, from the client instead of the query.
 */
import { PGlite, types, type PGliteOptions, type QueryOptions, type Transaction } from '@electric-sql/pglite';

const asText = (value: string): string => value;

/** The type OIDs drizzle-orm/pglite keeps as text (see its session.js); the bare numbers are array types. */
const TEXT_KEPT_OIDS = [
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  types.DATE,
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
];

export const textKeptParsers: Record<number, (value: string) => string> = Object.fromEntries(
  TEXT_KEPT_OIDS.map((oid) => [oid, asText]),
);

/** True when the per-query parsers only set OIDs the client already keeps as text. */
const redundant = (parsers: QueryOptions['parsers']): boolean =>
  parsers !== undefined && Object.keys(parsers).every((oid) => TEXT_KEPT_OIDS.includes(Number(oid)));

const withoutRedundantParsers = (options: QueryOptions | undefined): QueryOptions | undefined => {
  if (!options || !redundant(options.parsers)) return options;
  const { parsers: _dropped, ...rest } = options;
  return rest;
};

type Queryable = Pick<Transaction, 'query'>;

const patchQuery = (target: Queryable): void => {
  const query = target.query.bind(target);
  target.query = <T>(sql: string, params?: unknown[], options?: QueryOptions) =>
    query<T>(sql, params, withoutRedundantParsers(options));
};

/**
 * PostgreSQL's shared buffer pool. PGlite keeps initdb's 128 MB, and PostgreSQL touches all of it
 * at start: measured as 128 MB of RSS the moment a folder opens (Node + PGlite opening a folder:
 * 272 MB RSS with 128 MB, 160 MB with 16 MB). The data files live on the host's file system, whose
 * page cache keeps them warm as well, so a small pool costs one in-process copy of a page, not a
 * disk read. SHANGTONG_PGLITE_SHARED_BUFFERS overrides it (e.g. `128MB` for a large folder).
 */
const SHARED_BUFFERS = process.env.SHANGTONG_PGLITE_SHARED_BUFFERS ?? '32MB';

/** Creates a PGlite whose queries from drizzle do not copy the parser table. */
export const createPglite = async (options: PGliteOptions = {}): Promise<PGlite> => {
  const client = await PGlite.create({
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
    ...options,
    parsers: { ...textKeptParsers, ...options.parsers },
  });
  // PGlite sets array parsers from pg_type while starting, over the ones given above.
  Object.assign(client.parsers, textKeptParsers);
  patchQuery(client);
  const transaction = client.transaction.bind(client);
  client.transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      patchQuery(tx);
      return callback(tx);
    });
  return client;
};
