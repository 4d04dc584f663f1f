import { Alert, Button, Card, Form, Space, Steps, Tag, Typography } from 'antd';
import { type ComponentType, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { checkCompanyName } from '../../../../shared/registration/name-rules';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../components/format';
import { useLang } from '../../components/useLang';
import { regApi, useApplication } from './api';
import { type FieldErrors, merge, problemErrors, stepErrors, wizardSteps, type WizardStep } from './fields';
import { StatusPanel } from './StatusPanel';
import { useDraftEditor, type SaveState } from './useDraftEditor';
import { BasicsStep } from './steps/BasicsStep';
import { CapitalStep } from './steps/CapitalStep';
import { DomicileStep } from './steps/DomicileStep';
import { OfficersStep } from './steps/OfficersStep';
import { ReviewStep } from './steps/ReviewStep';
import { ScopeStep } from './steps/ScopeStep';
import { ServicesStep } from './steps/ServicesStep';
import type { StepProps } from './steps/step-props';

const SaveIndicator = ({ save }: { save: SaveState }) => {
  const { t } = useTranslation();
  if (save.state === 'saving')
    return <Typography.Text type="secondary">{t('registration.nav.saving')}</Typography.Text>;
  if (save.state === 'saved' && save.at)
    return (
      <Typography.Text type="success" data-testid="reg-saved">
        {t('registration.nav.saved', { time: formatDateTime(save.at) })}
      </Typography.Text>
    );
  if (save.state === 'error')
    return (
      <Typography.Text type="danger">
        {t('registration.nav.saveFailed', { message: save.message ?? '' })}
      </Typography.Text>
    );
  return null;
};

const FORM_STEPS: Record<Exclude<WizardStep, 'review'>, ComponentType<StepProps>> = {
  basics: BasicsStep,
  domicile: DomicileStep,
  capital: CapitalStep,
  officers: OfficersStep,
  scope: ScopeStep,
  services: ServicesStep,
};

/** 企业开办一网通办: one form in steps, saved as it is typed, then confirmations and submission. */
export const WizardPage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const { applicationId = '' } = useParams();
  const query = useApplication(applicationId);
  const view = query.data;
  const editor = useDraftEditor(view);
  const [attempted, setAttempted] = useState<Set<WizardStep>>(new Set());
  const [blocked, setBlocked] = useState(false);
  const { draft, step } = editor;
  const index = wizardSteps.indexOf(step);

  const errorsFor = useMemo(
    () =>
      (s: WizardStep): FieldErrors => {
        if (!draft || !view || s === 'review' || !attempted.has(s)) return {};
        // The name is checked live by its step; the platform's verdict only counts for the saved name.
        const server = problemErrors(
          s,
          view.check.problems.filter((p) => p.field !== 'name'),
          lang,
        );
        const local: FieldErrors = {};
        if (s === 'basics' && draft.name?.trim()) {
          const taken =
            view.draft.name === draft.name
              ? view.check.problems.filter((p) => p.field === 'name' && p.code === 'NAME_TAKEN')
              : [];
          if (taken.length > 0) local.name = taken.map((p) => p.text[lang]);
        }
        return merge(stepErrors(s, draft, lang), server, local);
      },
    [draft, view, attempted, lang],
  );

  if (query.error) return <QueryError error={query.error} />;
  if (!view || !draft) return <Card loading />;

  const nameOk =
    !!draft.name?.trim() &&
    checkCompanyName(draft.name.trim(), { existing: [], legalForm: draft.companyType ?? 'llc' }).ok;
  const go = (s: WizardStep): void => {
    setBlocked(false);
    editor.setStep(s);
    window.scrollTo({ top: 0 });
  };
  const next = async (): Promise<void> => {
    const marked = new Set(attempted).add(step);
    setAttempted(marked);
    if (step === 'review') return;
    const taken =
      step === 'basics' &&
      view.draft.name === draft.name &&
      view.check.problems.some((p) => p.code === 'NAME_TAKEN');
    const stepHasErrors =
      Object.keys(stepErrors(step, draft, lang)).length > 0 || (step === 'basics' && (!nameOk || taken));
    if (stepHasErrors) return setBlocked(true);
    if (step === 'basics' && draft.name) {
      // The saved draft's verdict may lag what was just typed: ask the registry for this name now.
      const verdict = await regApi
        .nameCheck(draft.name.trim(), draft.companyType ?? 'llc', view.id)
        .catch(() => undefined);
      if (verdict && !verdict.ok) return setBlocked(true);
    }
    const following = wizardSteps[index + 1];
    if (following) {
      if (following === 'review') setAttempted(new Set(wizardSteps));
      go(following);
    }
  };
  const readOnly = !editor.editable;
  const errors = errorsFor(step);
  const props: StepProps = { draft, patch: editor.patch, errors, applicationId: view.id, readOnly };
  const done = wizardSteps.filter(
    (s) =>
      s !== 'review' && Object.keys(stepErrors(s, draft, lang)).length === 0 && (s !== 'basics' || nameOk),
  ).length;
  const locked = view.status === 'in-review' || view.status === 'approved';
  const FormStep = step === 'review' ? undefined : FORM_STEPS[step];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/">← {t('registration.nav.back')}</Link>
      <Card>
        <Space wrap align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={1} className="st-h1" style={{ margin: 0 }} data-testid="reg-title">
            {draft.name?.trim() || t('registration.widget.title')}{' '}
            <Tag color={view.status === 'approved' ? 'green' : 'blue'} data-testid="reg-status">
              {t(`registration.status.${view.status}`)}
            </Tag>
          </Typography.Title>
          <SaveIndicator save={editor.save} />
        </Space>
        {editor.save.state === 'conflict' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            message={t('registration.nav.conflict')}
            action={
              <Button onClick={() => void query.refetch().then((r) => r.data && editor.load(r.data))}>
                {t('registration.nav.reload')}
              </Button>
            }
          />
        )}
        {!locked && (
          <Steps
            style={{ marginTop: 24 }}
            current={index}
            onChange={(i) => {
              const s = wizardSteps[i];
              if (s) go(s);
            }}
            responsive
            labelPlacement="vertical"
            size="small"
            items={wizardSteps.map((s) => ({
              title: t(`registration.steps.${s}`),
              status:
                s !== step && attempted.has(s) && s !== 'review' && Object.keys(errorsFor(s)).length > 0
                  ? 'error'
                  : undefined,
            }))}
          />
        )}
        {!locked && (
          <Typography.Text type="secondary">
            {t('registration.nav.progress', { done, total: 6 })}
          </Typography.Text>
        )}
      </Card>
      {locked ? (
        <StatusPanel view={view} />
      ) : (
        <>
          <Card>
            {view.status === 'confirming' && (
              <Alert
                type="warning"
                showIcon
                message={t('registration.nav.editWarning')}
                style={{ marginBottom: 16 }}
              />
            )}
            {blocked && (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={t('registration.nav.fixFirst')}
                style={{ marginBottom: 16 }}
              />
            )}
            <Form layout="vertical" component="div" requiredMark={false}>
              {FormStep ? (
                <FormStep {...props} />
              ) : (
                <ReviewStep {...props} view={view} goTo={go} beforeRequest={editor.flush} />
              )}
            </Form>
            <Space style={{ marginTop: 24 }}>
              {index > 0 && (
                <Button size="large" onClick={() => go(wizardSteps[index - 1] ?? 'basics')}>
                  {t('registration.nav.prev')}
                </Button>
              )}
              {step !== 'review' && (
                <Button size="large" type="primary" onClick={() => void next()} data-testid="reg-next">
                  {t('registration.nav.next')}
                </Button>
              )}
            </Space>
          </Card>
          {step === 'review' && view.confirmations.length > 0 && <StatusPanel view={view} />}
        </>
      )}
    </Space>
  );
};
