import { Alert, Button, Checkbox, Col, Radio, Row, Select, Typography } from 'antd';
import { CrownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApplicationDraft } from '../../../../../shared/registration/application';
import { useMePerson } from '../api';
import { errorsAt, Field } from '../fields';
import { addPerson, emptyOfficers, PeopleList } from './PeopleList';
import type { StepProps } from './step-props';

type Officers = NonNullable<ApplicationDraft['officers']>;

export const OfficersStep = (props: StepProps) => {
  const { draft, patch, errors, readOnly } = props;
  const { t } = useTranslation();
  const me = useMePerson();
  const o: Officers = draft.officers ?? emptyOfficers();
  const edit = (fn: (x: Officers) => void): void => patch((d) => fn((d.officers ??= emptyOfficers())));
  const options = (o.people ?? []).map((p, i) => ({
    value: p.ref ?? '',
    label: p.name?.trim() || t('registration.officers.personNo', { n: i + 1 }),
  }));
  const pick = (
    id: string,
    label: string,
    field: string,
    value: string | undefined,
    set: (x: Officers, v: string | undefined) => void,
    clear = false,
  ) => (
    <Field id={id} label={label} errors={errorsAt(errors, field, true)}>
      <Select
        id={id}
        data-testid={id}
        disabled={readOnly}
        allowClear={clear}
        placeholder={clear ? t('registration.officers.noManager') : t('registration.officers.pick')}
        value={value || undefined}
        options={options}
        onChange={(v: string | undefined) => edit((x) => set(x, v))}
      />
    </Field>
  );
  const gov = o.governance ?? { kind: 'single-director' };
  const sup = o.supervision ?? { kind: 'supervisor' };
  const allMe = (): void =>
    edit((x) => {
      if (!me.data) return;
      const ref = addPerson(x, {
        name: me.data.name,
        residentId: me.data.residentId,
        phone: me.data.phone ?? '',
      });
      x.legalRepresentative = { ref, capacity: 'director' };
      x.governance = { kind: 'single-director', director: ref };
      x.manager = ref;
      x.financeOfficer = ref;
      x.liaison = ref;
      // Directors and managers may not supervise: the supervisor must be someone else or omitted.
      if (
        x.supervision?.kind !== 'supervisor' ||
        x.supervision.supervisor === ref ||
        !x.supervision.supervisor
      )
        x.supervision = {
          kind: 'omitted',
          allShareholdersConsent:
            x.supervision?.kind === 'omitted' ? x.supervision.allShareholdersConsent : false,
        };
    });
  return (
    <>
      <Typography.Title level={2}>{t('registration.officers.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('registration.officers.intro')}</Typography.Paragraph>
      {!readOnly && me.data && (
        <Button
          type="primary"
          icon={<CrownOutlined aria-hidden />}
          data-testid="reg-all-me"
          onClick={allMe}
          style={{ marginBottom: 16 }}
        >
          {t('registration.officers.allMe')}
        </Button>
      )}
      <Typography.Title level={3}>{t('registration.officers.people')}</Typography.Title>
      {errorsAt(errors, 'officers.people').map((m) => (
        <Alert key={m} type="error" showIcon message={m} style={{ marginBottom: 12 }} />
      ))}
      <PeopleList {...props} />
      <Row gutter={24}>
        <Col xs={24} md={12}>
          {pick(
            'reg-legal-rep',
            t('registration.officers.legalRep'),
            'officers.legalRepresentative',
            o.legalRepresentative?.ref,
            (x, v) => void (x.legalRepresentative = { ...x.legalRepresentative, ref: v }),
          )}
        </Col>
        <Col xs={24} md={12}>
          <Field
            id="reg-capacity"
            label={t('registration.officers.capacity')}
            errors={errorsAt(errors, 'officers.legalRepresentative.capacity')}
          >
            <Radio.Group
              id="reg-capacity"
              disabled={readOnly}
              value={o.legalRepresentative?.capacity ?? 'director'}
              onChange={(e) =>
                edit(
                  (x) =>
                    void (x.legalRepresentative = {
                      ...x.legalRepresentative,
                      capacity: e.target.value as 'director' | 'manager',
                    }),
                )
              }
              options={(['director', 'manager'] as const).map((k) => ({
                value: k,
                label: t(`registration.officers.capacities.${k}`),
              }))}
            />
          </Field>
        </Col>
        <Col xs={24}>
          <Field id="reg-governance" label={t('registration.officers.governance')}>
            <Radio.Group
              id="reg-governance"
              disabled={readOnly}
              value={gov.kind ?? 'single-director'}
              onChange={(e) =>
                edit((x) => void (x.governance = { kind: e.target.value as 'single-director' | 'board' }))
              }
              options={[
                { value: 'single-director', label: t('registration.officers.single') },
                { value: 'board', label: t('registration.officers.board') },
              ]}
            />
          </Field>
        </Col>
        {gov.kind === 'board' ? (
          <>
            <Col xs={24} md={12}>
              <Field
                id="reg-directors"
                label={t('registration.officers.directors')}
                errors={errorsAt(errors, 'officers.governance.directors', true)}
              >
                <Select
                  id="reg-directors"
                  mode="multiple"
                  disabled={readOnly}
                  value={gov.directors ?? []}
                  options={options}
                  onChange={(v: string[]) =>
                    edit((x) => void (x.governance = { ...x.governance, directors: v }))
                  }
                />
              </Field>
            </Col>
            <Col xs={24} md={12}>
              {pick(
                'reg-chair',
                t('registration.officers.chair'),
                'officers.governance.chair',
                gov.chair,
                (x, v) => void (x.governance = { ...x.governance, chair: v }),
              )}
            </Col>
          </>
        ) : (
          <Col xs={24} md={12}>
            {pick(
              'reg-director',
              t('registration.officers.director'),
              'officers.governance.director',
              gov.director,
              (x, v) => void (x.governance = { ...x.governance, director: v }),
            )}
          </Col>
        )}
        <Col xs={24} md={12}>
          {pick(
            'reg-manager',
            t('registration.officers.manager'),
            'officers.manager',
            o.manager,
            (x, v) => void (x.manager = v),
            true,
          )}
        </Col>
        <Col xs={24}>
          <Field
            id="reg-supervision"
            label={t('registration.officers.supervision')}
            errors={errorsAt(errors, 'officers.supervision', true)}
          >
            <Radio.Group
              id="reg-supervision"
              disabled={readOnly}
              value={sup.kind ?? 'supervisor'}
              onChange={(e) =>
                edit((x) => void (x.supervision = { kind: e.target.value as 'supervisor' | 'omitted' }))
              }
              options={[
                { value: 'supervisor', label: t('registration.officers.supervisor') },
                { value: 'omitted', label: t('registration.officers.omitted') },
              ]}
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          {sup.kind === 'omitted' ? (
            <Checkbox
              data-testid="reg-consent"
              disabled={readOnly}
              checked={sup.allShareholdersConsent ?? false}
              onChange={(e) =>
                edit(
                  (x) => void (x.supervision = { kind: 'omitted', allShareholdersConsent: e.target.checked }),
                )
              }
              style={{ marginBottom: 24 }}
            >
              {t('registration.officers.consent')}
            </Checkbox>
          ) : (
            pick(
              'reg-supervisor',
              t('registration.officers.supervisorName'),
              'officers.supervision.supervisor',
              sup.supervisor,
              (x, v) => void (x.supervision = { kind: 'supervisor', supervisor: v }),
            )
          )}
        </Col>
        <Col xs={24} md={12}>
          {pick(
            'reg-finance',
            t('registration.officers.financeOfficer'),
            'officers.financeOfficer',
            o.financeOfficer,
            (x, v) => void (x.financeOfficer = v),
          )}
        </Col>
        <Col xs={24} md={12}>
          {pick(
            'reg-liaison',
            t('registration.officers.liaison'),
            'officers.liaison',
            o.liaison,
            (x, v) => void (x.liaison = v),
          )}
        </Col>
      </Row>
    </>
  );
};
