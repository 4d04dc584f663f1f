import { describe, expect, it } from 'vitest';
import { APP_CSP, withAppCsp } from './csp';

const APP = 'http://127.0.0.1:5170';

describe('APP_CSP', () => {
  it('allows scripts only from the app and forbids plugins, framing and foreign form targets', () => {
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(APP_CSP).toContain("object-src 'none'");
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).toContain("form-action 'self'");
    expect(APP_CSP).toContain("connect-src 'self'");
  });
});

describe('withAppCsp', () => {
  it('adds the policy to app responses that have none', () => {
    const headers = withAppCsp({ 'Content-Type': ['text/html'] }, `${APP}/`, APP);
    expect(headers['Content-Security-Policy']).toEqual([APP_CSP]);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it("keeps the platform's own policy alongside ours, whatever the header's case", () => {
    const headers = withAppCsp({ 'content-security-policy': ["default-src 'none'"] }, `${APP}/`, APP);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Security-Policy']).toEqual(["default-src 'none'", APP_CSP]);
  });

  it('leaves other origins alone', () => {
    const original = { 'Content-Type': ['text/html'] };
    expect(withAppCsp(original, 'https://evil.example/?next=http://127.0.0.1:5170', APP)).toEqual(original);
    expect(withAppCsp(original, 'http://127.0.0.1.evil.example:5170/', APP)).toEqual(original);
  });

  it('copes with missing headers and does not change its input', () => {
    expect(withAppCsp(undefined, `${APP}/`, APP)['Content-Security-Policy']).toEqual([APP_CSP]);
    const input = { a: ['1'] };
    withAppCsp(input, `${APP}/`, APP);
    expect(input).toEqual({ a: ['1'] });
  });
});
