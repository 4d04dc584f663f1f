import { defineContract } from '../contract';
import { SignInRequest, SignInResponse, Ok, Me, Preferences } from '../identity';

/** The identity endpoints: one declaration each, implemented in server/modules/identity/routes.ts. */
export const identityApi = {
  signIn: defineContract({
    method: 'POST',
    path: '/api/v1/auth/sign-in',
    summary: 'Sign in with phone or resident ID and password',
    tags: ['identity'],
    access: { kind: 'public' },
    body: SignInRequest,
    response: SignInResponse,
    rateLimit: { max: 30, timeWindow: 60_000 },
  }),
  signOut: defineContract({
    method: 'POST',
    path: '/api/v1/auth/sign-out',
    summary: 'Sign out this session',
    tags: ['identity'],
    access: { kind: 'user' },
    response: Ok,
  }),
  signOutAll: defineContract({
    method: 'POST',
    path: '/api/v1/auth/sign-out-all',
    summary: 'Revoke every session of this account (all devices)',
    tags: ['identity'],
    access: { kind: 'user' },
    response: Ok,
  }),
  me: defineContract({
    method: 'GET',
    path: '/api/v1/me',
    summary: 'The signed-in person, their role and preferences',
    tags: ['identity'],
    access: { kind: 'user' },
    response: Me,
  }),
  preferences: defineContract({
    method: 'PUT',
    path: '/api/v1/me/preferences',
    summary: 'Save language and elder mode for this account',
    tags: ['identity'],
    access: { kind: 'user' },
    body: Preferences,
    response: Preferences,
  }),
};
