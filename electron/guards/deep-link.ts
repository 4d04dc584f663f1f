/**
 * `shangtong://` links from the OS (browser, mail, QR scanner on the desktop) become in-app paths.
 * Only the shapes listed here are accepted; each path segment is matched against a strict pattern,
 * so nothing a link carries can reach the router unchecked.
 */

export const DEEP_LINK_SCHEME = 'shangtong';
const PROTOCOL = `${DEEP_LINK_SCHEME}:`;
const MAX_LENGTH = 2048;

const TOKEN = /^[A-Za-z0-9_-]{8,256}$/;
const ID = /^[A-Za-z0-9-]{1,64}$/;

type Route = { host: string; params: readonly RegExp[]; toPath: (params: readonly string[]) => string };

const ROUTES: readonly Route[] = [
  { host: 'home', params: [], toPath: () => '/' },
  { host: 'inbox', params: [], toPath: () => '/inbox' },
  { host: 'approve', params: [TOKEN], toPath: ([token]) => `/approve/${token}` },
  { host: 'companies', params: [ID], toPath: ([id]) => `/companies/${id}` },
];

/** The in-app path for a deep link, or null when the link is not one we accept. */
export const parseDeepLink = (raw: unknown): string | null => {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol.toLowerCase() !== PROTOCOL) return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  const host = url.hostname.toLowerCase();
  if (host === '') return null;
  const segments = url.pathname.replace(/^\//, '').replace(/\/$/, '');
  const params = segments === '' ? [] : segments.split('/');
  const route = ROUTES.find((r) => r.host === host);
  if (!route || route.params.length !== params.length) return null;
  const valid = route.params.every((pattern, i) => pattern.test(params[i] ?? ''));
  return valid ? route.toPath(params) : null;
};

/**
 * The deep link among a process's command-line arguments (Windows and Linux pass it there, both
 * on a cold start and to the running instance as `second-instance` argv). Chromium switches and
 * the app path are skipped; the first accepted link wins.
 */
export const findDeepLinkInArgv = (argv: readonly string[]): string | null => {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(PROTOCOL)) continue;
    const path = parseDeepLink(arg);
    if (path !== null) return path;
  }
  return null;
};
