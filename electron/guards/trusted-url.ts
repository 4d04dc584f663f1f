/**
 * Every URL decision in the shell goes through here. URLs are parsed with WHATWG `URL` and
 * compared by parts, never by substring: `https://evil.example/?next=http://127.0.0.1:5170` and
 * `http://127.0.0.1.evil.example:5170` must not pass for the app.
 */

const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
const MAX_URL_LENGTH = 2048;

const parse = (raw: unknown): URL | null => {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
};

/**
 * A link the user may open in the system browser or mail client: http, https or mailto, without
 * credentials (`https://www.gov.cn@evil.example/` hides its real host). Returns the re-serialised
 * URL, which is what must be handed to the OS, or null when refused.
 */
export const toSafeExternalUrl = (raw: unknown): string | null => {
  const url = parse(raw);
  if (!url || !EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') return url.pathname.length > 0 ? url.toString() : null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.toString();
};

/** The origin (`scheme://host:port`) of an http(s) URL, or null for anything else. */
export const toHttpOrigin = (raw: unknown): string | null => {
  const url = parse(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.origin;
};

/** True only when `raw` is an http(s) URL whose origin is exactly the app's origin. */
export const isAppUrl = (raw: unknown, appOrigin: string | null): boolean => {
  if (appOrigin === null) return false;
  const origin = toHttpOrigin(raw);
  return origin !== null && origin === appOrigin;
};

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOSTS.has(hostname);

/**
 * The embedded platform's address as reported by its child process: plain http on 127.0.0.1
 * with an explicit port and nothing else. Returns the origin or null.
 */
export const toEmbeddedPlatformOrigin = (raw: unknown): string | null => {
  const url = parse(raw);
  if (!url || url.protocol !== 'http:' || url.hostname !== '127.0.0.1' || url.port === '') return null;
  if (url.username !== '' || url.password !== '') return null;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') return null;
  return url.origin;
};
