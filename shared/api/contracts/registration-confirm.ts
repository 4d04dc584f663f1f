import { defineContract } from '../contract';
import {
  ConfirmationParams,
  ConfirmationRequestView,
  PasswordConfirmRequest,
  ConfirmLinkParams,
  CodeConfirmRequest,
  ApplicationParams,
} from '../registration';

/** The registration (confirm) endpoints: one declaration each, implemented in server/modules/registration/routes-confirm.ts. */
export const registrationConfirmApi = {
  viewMine: defineContract({
    method: 'GET',
    path: '/api/v1/registration/confirmations/:confirmationId',
    summary: 'A confirmation request addressed to me: the articles and my roles',
    tags: ['registration'],
    access: { kind: 'user' },
    params: ConfirmationParams,
    response: ConfirmationRequestView,
  }),
  confirmMine: defineContract({
    method: 'POST',
    path: '/api/v1/registration/confirmations/:confirmationId/confirm',
    summary:
      'Confirms an application I am named in (not as legal representative), by re-entering my password',
    tags: ['registration'],
    access: { kind: 'user' },
    params: ConfirmationParams,
    body: PasswordConfirmRequest,
    response: ConfirmationRequestView,
    rateLimit: { max: 20, timeWindow: 60_000 },
  }),
  viewLink: defineContract({
    method: 'GET',
    path: '/api/v1/registration/confirm-links/:token',
    summary:
      'A confirmation request for someone without an account, opened through the link the filer passed on',
    tags: ['registration'],
    access: { kind: 'public' },
    params: ConfirmLinkParams,
    response: ConfirmationRequestView,
    rateLimit: { max: 30, timeWindow: 60_000 },
  }),
  confirmLink: defineContract({
    method: 'POST',
    path: '/api/v1/registration/confirm-links/:token/confirm',
    summary: 'Confirms through the link with the one-time code (5 wrong codes lock the request)',
    tags: ['registration'],
    access: { kind: 'public' },
    params: ConfirmLinkParams,
    body: CodeConfirmRequest,
    response: ConfirmationRequestView,
    rateLimit: { max: 10, timeWindow: 60_000 },
  }),
  articles: defineContract({
    method: 'GET',
    path: '/api/v1/registration/applications/:applicationId/articles.pdf',
    summary: 'The articles of association generated from the application, as PDF (Chinese fonts embedded)',
    tags: ['registration'],
    access: { kind: 'user' },
    params: ApplicationParams,
    produces: 'application/pdf',
  }),
};
