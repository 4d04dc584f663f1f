/**
 * The phone-facing part of the platform, the only part the desktop's LAN listener serves (see
 * docs/desktop.md): approval links, registration confirmation by link, licence verification and
 * share links — pages a phone on the same network opens from a QR code, with no sign-in. Sign-in,
 * the companies, the firm workspace and everything else stay on 127.0.0.1.
 */
const PHONE_API = [
  /^\/api\/v1\/approvals\//,
  /^\/api\/v1\/registration\/confirm-links\//,
  /^\/api\/v1\/licences\/(?:issuers|verify|codes\/)/,
  /^\/api\/v1\/licence-shares\//,
];

/** Client-side routes of the phone pages (the app shell is served for these only). */
const PHONE_PAGES = [
  /^\/a\//,
  /^\/approve\//,
  /^\/c\//,
  /^\/registration\/confirm-link\//,
  /^\/v(?:\/|$|\?|#)/,
  /^\/shared\//,
];

/** True for an API route (its contract path, e.g. `/api/v1/approvals/:token`) a phone needs. */
export const isPhoneApi = (path: string): boolean => PHONE_API.some((p) => p.test(path));

/** True for a page URL a phone opens from a QR code or a shared link. */
export const isPhonePage = (url: string): boolean => PHONE_PAGES.some((p) => p.test(url));
