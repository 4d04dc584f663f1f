import { describe, expect, it } from 'vitest';
import { decidePermissionCheck, decidePermissionRequest } from './permissions';

const APP = 'http://127.0.0.1:5170';
const ask = (permission: string, extra: Partial<Parameters<typeof decidePermissionRequest>[0]> = {}) => ({
  permission,
  requestingUrl: `${APP}/companies/1/face`,
  isMainFrame: true,
  ...extra,
});

describe('decidePermissionRequest', () => {
  it('grants the camera to the app main frame for face verification', () => {
    expect(decidePermissionRequest(ask('media', { mediaTypes: ['video'] }), APP)).toBe(true);
  });

  it('refuses the microphone, and camera + microphone together', () => {
    expect(decidePermissionRequest(ask('media', { mediaTypes: ['audio'] }), APP)).toBe(false);
    expect(decidePermissionRequest(ask('media', { mediaTypes: ['video', 'audio'] }), APP)).toBe(false);
  });

  it('refuses media without device types (screen capture)', () => {
    expect(decidePermissionRequest(ask('media', { mediaTypes: [] }), APP)).toBe(false);
    expect(decidePermissionRequest(ask('media'), APP)).toBe(false);
  });

  it('grants notifications and clipboard writes to the app', () => {
    expect(decidePermissionRequest(ask('notifications'), APP)).toBe(true);
    expect(decidePermissionRequest(ask('clipboard-sanitized-write'), APP)).toBe(true);
  });

  it.each([
    'geolocation',
    'display-capture',
    'clipboard-read',
    'midi',
    'midiSysex',
    'pointerLock',
    'openExternal',
    'fullscreen',
    'hid',
    'usb',
    'serial',
    'unknown',
    'fileSystem',
    'window-management',
  ])('refuses %s even to the app', (permission) =>
    expect(decidePermissionRequest(ask(permission), APP)).toBe(false),
  );

  it.each([
    'https://evil.example/',
    'https://evil.example/?next=http://127.0.0.1:5170',
    'http://127.0.0.1.evil.example:5170/',
    'http://127.0.0.1:5171/',
  ])('refuses the camera to %s', (requestingUrl) => {
    expect(decidePermissionRequest(ask('media', { mediaTypes: ['video'], requestingUrl }), APP)).toBe(false);
  });

  it('refuses sub-frames, even on the app origin', () => {
    expect(decidePermissionRequest(ask('media', { mediaTypes: ['video'], isMainFrame: false }), APP)).toBe(
      false,
    );
    expect(decidePermissionRequest(ask('notifications', { isMainFrame: false }), APP)).toBe(false);
  });

  it('refuses everything before the app origin is known', () => {
    expect(decidePermissionRequest(ask('notifications'), null)).toBe(false);
  });
});

describe('decidePermissionCheck', () => {
  it('answers checks with the same allow-list', () => {
    expect(
      decidePermissionCheck({ permission: 'media', requestingOrigin: APP, mediaType: 'video' }, APP),
    ).toBe(true);
    expect(
      decidePermissionCheck({ permission: 'media', requestingOrigin: APP, mediaType: 'audio' }, APP),
    ).toBe(false);
    expect(decidePermissionCheck({ permission: 'notifications', requestingOrigin: APP }, APP)).toBe(true);
    expect(decidePermissionCheck({ permission: 'geolocation', requestingOrigin: APP }, APP)).toBe(false);
    expect(
      decidePermissionCheck({ permission: 'notifications', requestingOrigin: 'https://evil.example' }, APP),
    ).toBe(false);
  });
});
