import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender';

const APP = 'http://127.0.0.1:5170';
const mainFrame = (url: string) => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('trusts the main frame of the app origin', () => {
    expect(isTrustedSender(mainFrame('http://127.0.0.1:5170/companies'), APP)).toBe(true);
  });

  it('refuses a sub-frame even on the app origin', () => {
    expect(isTrustedSender({ url: 'http://127.0.0.1:5170/', parent: mainFrame(APP) }, APP)).toBe(false);
  });

  it('refuses a cross-origin iframe inside the app (GHSA-mq8j-3h7h-p8g7)', () => {
    expect(isTrustedSender({ url: 'https://evil.example/', parent: mainFrame(APP) }, APP)).toBe(false);
  });

  it.each([
    'https://evil.example/?next=http://127.0.0.1:5170',
    'http://127.0.0.1.evil.example:5170/',
    'http://127.0.0.1:5170@evil.example/',
    'http://127.0.0.1:5171/',
    'about:blank',
    'file:///app/index.html',
    'data:text/html,hi',
    '',
  ])('refuses a main frame on %s', (url) => expect(isTrustedSender(mainFrame(url), APP)).toBe(false));

  it('refuses a missing, destroyed or detached frame', () => {
    expect(isTrustedSender(null, APP)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
    expect(isTrustedSender({ url: APP, parent: null, detached: true }, APP)).toBe(false);
  });

  it('refuses everything before the app origin is known', () => {
    expect(isTrustedSender(mainFrame(APP), null)).toBe(false);
  });
});
