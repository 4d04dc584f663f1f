import { useQuery } from '@tanstack/react-query';
import { api, urlOf } from '../../api/client';
import { useSession } from '../../state/session';
import type { SaveDraftRequest } from '../../../../shared/api/registration';
import type { CompanyType } from '../../../../shared/registration/application';
import { registrationDraftsApi as drafts } from '../../../../shared/api/contracts/registration-drafts';
import { registrationConfirmApi as confirm } from '../../../../shared/api/contracts/registration-confirm';
import { registrationConfirmFaceApi as confirmFace } from '../../../../shared/api/contracts/registration-confirm-face';
import { registrationReviewApi as review } from '../../../../shared/api/contracts/registration-review';

export const regKeys = {
  all: ['registration'] as const,
  list: ['registration', 'list'] as const,
  app: (id: string) => ['registration', 'app', id] as const,
  me: ['registration', 'me-person'] as const,
  queue: ['registration', 'review-queue'] as const,
  review: (id: string) => ['registration', 'review', id] as const,
  confirmation: (id: string) => ['registration', 'confirmation', id] as const,
  link: (token: string) => ['registration', 'link', token] as const,
};

export const useApplications = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: regKeys.list,
    queryFn: () => api.call(drafts.list),
    enabled: !!token,
  });
};

export const useApplication = (id: string | undefined) =>
  useQuery({
    queryKey: regKeys.app(id ?? ''),
    queryFn: () => api.call(drafts.get, { params: { applicationId: id ?? '' } }),
    enabled: !!id,
  });

export const useMePerson = () =>
  useQuery({
    queryKey: regKeys.me,
    queryFn: () => api.call(drafts.mePerson),
    staleTime: Infinity,
  });

export const useReviewQueue = (enabled: boolean) =>
  useQuery({ queryKey: regKeys.queue, queryFn: () => api.call(review.queue), enabled });

export const useReview = (id: string | undefined) =>
  useQuery({
    queryKey: regKeys.review(id ?? ''),
    queryFn: () => api.call(review.detail, { params: { applicationId: id ?? '' } }),
    enabled: !!id,
  });

export const useConfirmation = (id: string | undefined) =>
  useQuery({
    queryKey: regKeys.confirmation(id ?? ''),
    queryFn: () => api.call(confirm.viewMine, { params: { confirmationId: id ?? '' } }),
    enabled: !!id,
  });

export const useConfirmLink = (token: string | undefined) =>
  useQuery({
    queryKey: regKeys.link(token ?? ''),
    queryFn: () => api.call(confirm.viewLink, { params: { token: token ?? '' } }),
    enabled: !!token,
    retry: false,
  });

export const regApi = {
  create: (key: string) => api.call(drafts.create, { idempotencyKey: key }),
  save: (id: string, body: SaveDraftRequest) =>
    api.call(drafts.save, { params: { applicationId: id }, body }),
  nameCheck: (
    name: string,
    companyType: CompanyType,
    applicationId: string | undefined,
    signal?: AbortSignal,
  ) =>
    api.call(drafts.nameCheck, {
      body: { name, companyType, ...(applicationId ? { applicationId } : {}) },
      ...(signal ? { signal } : {}),
    }),
  requestConfirmations: (id: string, key: string) =>
    api.call(drafts.requestConfirm, { params: { applicationId: id }, idempotencyKey: key }),
  submit: (id: string, key: string) =>
    api.call(drafts.submit, { params: { applicationId: id }, idempotencyKey: key }),
  confirm: (confirmationId: string, password: string) =>
    api.call(confirm.confirmMine, { params: { confirmationId }, body: { password } }),
  confirmLink: (token: string, code: string) =>
    api.call(confirm.confirmLink, { params: { token }, body: { code } }),
  faceChallenge: (confirmationId: string) =>
    api.call(confirmFace.challengeMine, { params: { confirmationId } }),
  confirmByFace: (confirmationId: string, challengeId: string, frames: string[]) =>
    api.call(confirmFace.confirmMine, { params: { confirmationId }, body: { challengeId, frames } }),
  linkFaceChallenge: (token: string) => api.call(confirmFace.challengeLink, { params: { token } }),
  linkConfirmByFace: (token: string, challengeId: string, frames: string[]) =>
    api.call(confirmFace.confirmLink, { params: { token }, body: { challengeId, frames } }),
  approve: (id: string, key: string) =>
    api.call(review.approve, { params: { applicationId: id }, idempotencyKey: key }),
  returnIt: (id: string, comment: string, key: string) =>
    api.call(review.returnIt, { params: { applicationId: id }, body: { comment }, idempotencyKey: key }),
  articlesPdf: (id: string, name: string) =>
    api.download(urlOf(confirm.articles, { params: { applicationId: id } }), `${name || 'articles'}章程.pdf`),
};
