import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../../state/session';
import {
  ApplicationList,
  ApplicationView,
  ConfirmationRequestView,
  MyPerson,
  NameCheckResponse,
  ReviewQueue,
  ReviewView,
  SaveDraftResponse,
  type SaveDraftRequest,
} from '../../../../shared/api/registration';
import { FaceChallengeView, type FaceSubmission } from '../../../../shared/api/face';
import type { CompanyType } from '../../../../shared/registration/application';

const BASE = '/api/v1/registration';

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
    queryFn: () => api.get(`${BASE}/applications`, ApplicationList),
    enabled: !!token,
  });
};

export const useApplication = (id: string | undefined) =>
  useQuery({
    queryKey: regKeys.app(id ?? ''),
    queryFn: () => api.get(`${BASE}/applications/${id}`, ApplicationView),
    enabled: !!id,
  });

export const useMePerson = () =>
  useQuery({
    queryKey: regKeys.me,
    queryFn: () => api.get(`${BASE}/me-person`, MyPerson),
    staleTime: Infinity,
  });

export const useReviewQueue = (enabled: boolean) =>
  useQuery({ queryKey: regKeys.queue, queryFn: () => api.get(`${BASE}/review`, ReviewQueue), enabled });

export const useReview = (id: string | undefined) =>
  useQuery({
    queryKey: regKeys.review(id ?? ''),
    queryFn: () => api.get(`${BASE}/review/${id}`, ReviewView),
    enabled: !!id,
  });

export const useConfirmation = (id: string | undefined) =>
  useQuery({
    queryKey: regKeys.confirmation(id ?? ''),
    queryFn: () => api.get(`${BASE}/confirmations/${id}`, ConfirmationRequestView),
    enabled: !!id,
  });

export const useConfirmLink = (token: string | undefined) =>
  useQuery({
    queryKey: regKeys.link(token ?? ''),
    queryFn: () => api.get(`${BASE}/confirm-links/${token}`, ConfirmationRequestView),
    enabled: !!token,
    retry: false,
  });

export const regApi = {
  create: (key: string) => api.post(`${BASE}/applications`, {}, ApplicationView, { idempotencyKey: key }),
  save: (id: string, body: SaveDraftRequest) =>
    api.put(`${BASE}/applications/${id}/draft`, body, SaveDraftResponse),
  nameCheck: (
    name: string,
    companyType: CompanyType,
    applicationId: string | undefined,
    signal?: AbortSignal,
  ) =>
    api.post(
      `${BASE}/name-check`,
      { name, companyType, ...(applicationId ? { applicationId } : {}) },
      NameCheckResponse,
      signal ? { signal } : {},
    ),
  requestConfirmations: (id: string, key: string) =>
    api.post(`${BASE}/applications/${id}/confirmations`, {}, ApplicationView, { idempotencyKey: key }),
  submit: (id: string, key: string) =>
    api.post(`${BASE}/applications/${id}/submit`, {}, ApplicationView, { idempotencyKey: key }),
  confirm: (confirmationId: string, password: string) =>
    api.post(`${BASE}/confirmations/${confirmationId}/confirm`, { password }, ConfirmationRequestView),
  confirmLink: (token: string, code: string) =>
    api.post(`${BASE}/confirm-links/${token}/confirm`, { code }, ConfirmationRequestView),
  faceChallenge: (confirmationId: string) =>
    api.post(`${BASE}/confirmations/${confirmationId}/face-challenge`, {}, FaceChallengeView),
  confirmByFace: (confirmationId: string, challengeId: string, frames: string[]) =>
    api.post(
      `${BASE}/confirmations/${confirmationId}/face`,
      { challengeId, frames } satisfies FaceSubmission,
      ConfirmationRequestView,
    ),
  linkFaceChallenge: (token: string) =>
    api.post(`${BASE}/confirm-links/${token}/face-challenge`, {}, FaceChallengeView),
  linkConfirmByFace: (token: string, challengeId: string, frames: string[]) =>
    api.post(
      `${BASE}/confirm-links/${token}/face`,
      { challengeId, frames } satisfies FaceSubmission,
      ConfirmationRequestView,
    ),
  approve: (id: string, key: string) =>
    api.post(`${BASE}/review/${id}/approve`, {}, ReviewView, { idempotencyKey: key }),
  returnIt: (id: string, comment: string, key: string) =>
    api.post(`${BASE}/review/${id}/return`, { comment }, ReviewView, { idempotencyKey: key }),
  articlesPdf: (id: string, name: string) =>
    api.download(`${BASE}/applications/${id}/articles.pdf`, `${name || 'articles'}章程.pdf`),
};
