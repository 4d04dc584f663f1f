import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiHeaders, ApiRequestError, urlOf } from '../../api/client';
import { registrationDraftsApi } from '../../../../shared/api/contracts/registration-drafts';
import type { ApplicationDraft } from '../../../../shared/registration/application';
import type { ApplicationView, StepId } from '../../../../shared/api/registration';
import { regApi, regKeys } from './api';
import type { WizardStep } from './fields';

export type SaveState = {
  state: 'idle' | 'saving' | 'saved' | 'error' | 'conflict';
  at?: string;
  message?: string;
};

const SAVE_DELAY_MS = 600;
const RETRY_MS = 5000;

const serverStep = (step: WizardStep): StepId => (step === 'review' ? 'services' : step);

/**
 * The wizard's working copy of the draft. Every change is saved to the platform shortly after
 * typing stops, on every step change and when the page is hidden or closed, so nothing typed is
 * lost and the draft resumes on any machine. A save based on an old revision is refused by the
 * platform (another machine saved): the editor stops and offers to load the latest version.
 */
export const useDraftEditor = (view: ApplicationView | undefined) => {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ApplicationDraft | null>(null);
  const [step, setStepState] = useState<WizardStep>('basics');
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const revision = useRef(0);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const latest = useRef<{ draft: ApplicationDraft | null; step: WizardStep }>({
    draft: null,
    step: 'basics',
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const editable = view ? ['draft', 'confirming', 'returned'].includes(view.status) : false;
  const id = view?.id;

  const load = useCallback((v: ApplicationView) => {
    revision.current = v.revision;
    dirty.current = false;
    setDraft(v.draft);
    const s: WizardStep = v.status === 'draft' ? v.step : 'review';
    setStepState(s);
    latest.current = { draft: v.draft, step: s };
    setSave({ state: 'idle' });
  }, []);

  useEffect(() => {
    if (view && draft === null) load(view);
  }, [view, draft, load]);

  const flush = useCallback(async (): Promise<void> => {
    if (!id || !editable || inFlight.current || !dirty.current || !latest.current.draft) return;
    inFlight.current = true;
    dirty.current = false;
    setSave({ state: 'saving' });
    try {
      const res = await regApi.save(id, {
        step: serverStep(latest.current.step),
        revision: revision.current,
        draft: latest.current.draft,
      });
      revision.current = res.revision;
      setSave({ state: 'saved', at: res.savedAt });
      void queryClient.invalidateQueries({ queryKey: regKeys.app(id) });
      void queryClient.invalidateQueries({ queryKey: regKeys.list });
    } catch (e) {
      if (e instanceof ApiRequestError && e.code === 'DRAFT_CHANGED_ELSEWHERE') {
        setSave({ state: 'conflict', message: e.message });
      } else {
        dirty.current = true;
        setSave({ state: 'error', message: e instanceof Error ? e.message : String(e) });
        timer.current = setTimeout(() => void flush(), RETRY_MS);
      }
    } finally {
      inFlight.current = false;
    }
    if (dirty.current && !timer.current) timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [id, editable, queryClient]);

  const schedule = useCallback(() => {
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void flush();
    }, SAVE_DELAY_MS);
  }, [flush]);

  /** Applies a change to a copy of the draft (the function may mutate the copy). */
  const patch = useCallback(
    (fn: (d: ApplicationDraft) => void) => {
      if (!editable || save.state === 'conflict') return;
      setDraft((current) => {
        const next = structuredClone(current ?? {});
        fn(next);
        latest.current = { ...latest.current, draft: next };
        return next;
      });
      schedule();
    },
    [editable, save.state, schedule],
  );

  const setStep = useCallback(
    (s: WizardStep) => {
      setStepState(s);
      latest.current = { ...latest.current, step: s };
      if (editable) schedule();
    },
    [editable, schedule],
  );

  // Closing the window or switching away: send what is pending at once (keepalive outlives the page).
  useEffect(() => {
    if (!id) return;
    const now = (): void => {
      if (!dirty.current || !latest.current.draft || !editable) return;
      dirty.current = false;
      void fetch(urlOf(registrationDraftsApi.save, { params: { applicationId: id } }), {
        method: registrationDraftsApi.save.method,
        keepalive: true,
        headers: { ...apiHeaders(), 'content-type': 'application/json' },
        body: JSON.stringify({
          step: serverStep(latest.current.step),
          revision: revision.current,
          draft: latest.current.draft,
        }),
      });
    };
    // Switching away keeps the page alive: an ordinary save, which also learns the new revision.
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') {
        clearTimeout(timer.current);
        timer.current = undefined;
        void flush();
      }
    };
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(timer.current);
      void flush();
    };
  }, [id, editable, flush]);

  return { draft, step, setStep, patch, save, editable, load, flush };
};
