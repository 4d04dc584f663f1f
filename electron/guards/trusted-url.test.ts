import { describe, expect, it } from 'vitest';
import { isAppUrl, toEmbeddedPlatformOrigin, toHttpOrigin, toSafeExternalUrl } from './trusted-url';

const APP = 'http://127.0.0.1:5170';

describe('isAppUrl', () => {
  it.each([
    'http://127.0.0.1:5170/',
    'http://127.0.0.1:5170/companies/1?x=1#top',
    'HTTP://127.0.0.1:5170/inbox',
  ])('accepts the app origin: %s', (url) => expect(isAppUrl(url, APP)).toBe(true));

  it.each([
    ['query naming the app', 'https://evil.example/?next=http://127.0.0.1:5170'],
    ['app origin as a subdomain prefix', 'http://127.0.0.1.evil.example:5170/'],
    ['app origin as userinfo', 'http://127.0.0.1:5170@evil.example/'],
    ['credentials on the app origin', 'http://user:pw@127.0.0.1:5170/'],
    ['other port', 'http://127.0.0.1:5171/'],
    ['default port', 'http://127.0.0.1/'],
    ['https instead of http', 'https://127.0.0.1:5170/'],
    ['localhost is a different origin', 'http://localhost:5170/'],
    ['file scheme', 'file:///etc/passwd'],
    ['javascript scheme', 'javascript:fetch("http://127.0.0.1:5170")'],
    ['data URL', 'data:text/html,<script>location="http://127.0.0.1:5170"</script>'],
    ['app origin in the fragment', 'https://evil.example/#http://127.0.0.1:5170'],
    ['app origin in the path', 'https://evil.example/http://127.0.0.1:5170/'],
    ['backslash trick', 'http://evil.example\\@127.0.0.1:5170/'],
    ['not a URL', '127.0.0.1:5170'],
    ['empty', ''],
  ])('refuses %s', (_name, url) => expect(isAppUrl(url, APP)).toBe(false));

  it('refuses everything while no app origin is known', () => {
    expect(isAppUrl('http://127.0.0.1:5170/', null)).toBe(false);
  });

  it('refuses non-strings and absurdly long input', () => {
    expect(isAppUrl(undefined, APP)).toBe(false);
    expect(isAppUrl({ toString: () => APP }, APP)).toBe(false);
    expect(isAppUrl(`${APP}/${'a'.repeat(5000)}`, APP)).toBe(false);
  });
});

describe('toSafeExternalUrl', () => {
  it.each([
    ['https://www.gov.cn/', 'https://www.gov.cn/'],
    ['http://example.com/a b', 'http://example.com/a%20b'],
    ['HTTPS://Example.COM', 'https://example.com/'],
    ['mailto:service@example.com?subject=hi', 'mailto:service@example.com?subject=hi'],
  ])('allows and re-serialises %s', (raw, expected) => expect(toSafeExternalUrl(raw)).toBe(expected));

  it.each([
    ['file', 'file:///C:/Windows/System32/calc.exe'],
    ['javascript', 'javascript:alert(1)'],
    ['our own scheme', 'shangtong://approve/abcdefgh'],
    ['smb share', 'smb://attacker.example/share'],
    ['ms-msdt', 'ms-msdt:/id PCWDiagnostic'],
    ['data', 'data:text/html,hi'],
    ['hidden host behind userinfo', 'https://www.gov.cn@evil.example/'],
    ['credentials', 'https://user:pw@example.com/'],
    ['empty mailto', 'mailto:'],
    ['relative', '/companies'],
    ['garbage', 'http//example.com'],
  ])('refuses %s', (_name, raw) => expect(toSafeExternalUrl(raw)).toBeNull());
});

describe('toHttpOrigin', () => {
  it('gives the origin of http(s) URLs only', () => {
    expect(toHttpOrigin('https://platform.example.gov.cn/path?q')).toBe('https://platform.example.gov.cn');
    expect(toHttpOrigin('ftp://example.com/')).toBeNull();
    expect(toHttpOrigin('https://a:b@example.com/')).toBeNull();
  });
});

describe('toEmbeddedPlatformOrigin', () => {
  it('accepts plain http on 127.0.0.1 with a port', () => {
    expect(toEmbeddedPlatformOrigin('http://127.0.0.1:41234')).toBe('http://127.0.0.1:41234');
    expect(toEmbeddedPlatformOrigin('http://127.0.0.1:41234/')).toBe('http://127.0.0.1:41234');
  });

  it.each([
    'http://0.0.0.0:41234',
    'http://localhost:41234',
    'http://127.0.0.1',
    'https://127.0.0.1:41234',
    'http://127.0.0.1.evil.example:41234',
    'http://evil.example:41234',
    'http://x@127.0.0.1:41234',
    'http://127.0.0.1:41234/elsewhere',
    'http://127.0.0.1:41234/?q',
  ])('refuses %s', (raw) => expect(toEmbeddedPlatformOrigin(raw)).toBeNull());
});
