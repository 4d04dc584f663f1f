import { isAppUrl } from './trusted-url';

/**
 * The Content-Security-Policy the shell enforces on the app's pages, matching what the platform
 * sends (helmet in server/app.ts). The shell adds it rather than replacing the platform's header:
 * with two policies the browser enforces both, so the stricter one always wins.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export type ResponseHeaders = Record<string, string[] | string>;

/** Response headers with the app CSP added when the response comes from the app origin. */
export const withAppCsp = (
  headers: ResponseHeaders | undefined,
  responseUrl: string,
  appOrigin: string | null,
): ResponseHeaders => {
  const entries = Object.entries(headers ?? {});
  if (!isAppUrl(responseUrl, appOrigin)) return Object.fromEntries(entries);
  const isCsp = ([key]: [string, unknown]): boolean => key.toLowerCase() === 'content-security-policy';
  const existing = entries.filter(isCsp).flatMap(([, value]) => value);
  return {
    ...Object.fromEntries(entries.filter((e) => !isCsp(e))),
    'Content-Security-Policy': [...existing, APP_CSP],
  };
};
