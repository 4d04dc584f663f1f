import { ZodError } from 'zod';

/** A start-up refusal whose message is all the operator needs (printed without a stack). */
export class StartError extends Error {}

/** The public URL, checked: absolute http(s), no path beyond "/" (links are built on its origin). */
export const parsePublicUrl = (raw: string | undefined): string | undefined => {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new StartError(
      `The public URL "${raw}" is not an absolute URL. Use e.g. --public-url http://192.168.1.20:5170 (or SHANGTONG_PUBLIC_URL).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new StartError(`The public URL "${raw}" must start with http:// or https://.`);
  return url.origin;
};

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** True when a URL points at this machine only (no phone can open it). */
export const isLoopbackUrl = (raw: string): boolean => {
  try {
    return LOOPBACK.test(new URL(raw).hostname);
  } catch {
    return false;
  }
};

/** A clear one-paragraph reason for the usual ways a start fails, instead of a stack trace. */
export const explainStartFailure = (e: unknown, where: { host: string; port: string }): string => {
  // Drizzle wraps driver errors ("Failed query: …") with the driver's error as the cause.
  const outer = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const err = outer.code === undefined && outer.cause ? outer.cause : outer;
  if (e instanceof ZodError)
    return `Invalid configuration: ${e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  switch (err.code) {
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `Cannot listen on host ${where.host}: no network interface of this machine has that address (--host / SHANGTONG_HOST).`;
    case 'EADDRINUSE':
      return `Cannot listen on ${where.host}:${where.port}: the port is in use (choose another with --port).`;
    case 'EACCES':
      return `Cannot listen on ${where.host}:${where.port}: permission denied (ports below 1024 need privileges).`;
    case 'ECONNREFUSED':
      return `Cannot reach the database (DATABASE_URL): connection refused. Is PostgreSQL running? ${err.message ?? ''}`;
    case '3D000':
      return `The database in DATABASE_URL does not exist: ${err.message ?? ''}. Create it (createdb) first.`;
    case '28P01':
    case '28000':
      return `The database refused the credentials in DATABASE_URL: ${err.message ?? ''}`;
    default:
      return e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
};
