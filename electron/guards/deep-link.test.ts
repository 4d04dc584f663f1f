import { describe, expect, it } from 'vitest';
import { findDeepLinkInArgv, parseDeepLink } from './deep-link';

const TOKEN = 'Ab3_x-9QzK2mN8pL';

describe('parseDeepLink', () => {
  it.each([
    [`shangtong://approve/${TOKEN}`, `/approve/${TOKEN}`],
    [`shangtong://approve/${TOKEN}/`, `/approve/${TOKEN}`],
    [`SHANGTONG://Approve/${TOKEN}`, `/approve/${TOKEN}`],
    ['shangtong://inbox', '/inbox'],
    ['shangtong://inbox/', '/inbox'],
    ['shangtong://home', '/'],
    [
      'shangtong://companies/7d0fa57e-1c2b-4a3d-9e8f-0123456789ab',
      '/companies/7d0fa57e-1c2b-4a3d-9e8f-0123456789ab',
    ],
    [`shangtong://approve/${TOKEN}?utm=mail#x`, `/approve/${TOKEN}`],
  ])('maps %s to %s', (raw, path) => expect(parseDeepLink(raw)).toBe(path));

  it.each([
    ['another scheme', `https://approve/${TOKEN}`],
    ['no host', `shangtong:///approve/${TOKEN}`],
    ['opaque form', `shangtong:approve/${TOKEN}`],
    ['unknown route', 'shangtong://settings/reset'],
    ['missing token', 'shangtong://approve'],
    ['token too short', 'shangtong://approve/abc'],
    ['extra segment', `shangtong://approve/${TOKEN}/extra`],
    ['dot segments climbing out', 'shangtong://approve/../../inbox'],
    ['encoded slash', `shangtong://approve/${TOKEN}%2F..%2Fadmin`],
    ['encoded host', `shangtong://ap%70rove/${TOKEN}`],
    ['userinfo', `shangtong://evil.example@approve/${TOKEN}`],
    ['port', `shangtong://approve:80/${TOKEN}`],
    ['script in token', 'shangtong://approve/<script>alert(1)</script>'],
    ['space smuggling an argument', `shangtong://approve/${TOKEN} --inspect`],
    ['protocol-relative path', `shangtong://companies//evil.example`],
    ['too long', `shangtong://approve/${'a'.repeat(3000)}`],
    ['not a string', 42],
  ])('refuses %s', (_name, raw) => expect(parseDeepLink(raw)).toBeNull());
});

describe('findDeepLinkInArgv', () => {
  it('finds the link among Chromium switches and the app path (Windows/Linux second instance)', () => {
    const argv = [
      'C:\\Program Files\\Shangtong\\Shangtong.exe',
      '--allow-file-access-from-files',
      `shangtong://approve/${TOKEN}`,
    ];
    expect(findDeepLinkInArgv(argv)).toBe(`/approve/${TOKEN}`);
  });

  it('skips invalid links and returns the first valid one', () => {
    expect(findDeepLinkInArgv(['app', 'shangtong://nope', 'shangtong://inbox', 'shangtong://home'])).toBe(
      '/inbox',
    );
  });

  it('returns null without a link, and ignores links hidden inside other arguments', () => {
    expect(findDeepLinkInArgv(['app', '.'])).toBeNull();
    expect(findDeepLinkInArgv(['app', '--url=shangtong://inbox'])).toBeNull();
  });
});
