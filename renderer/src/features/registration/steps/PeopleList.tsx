import { Button, Card, Col, Input, Row, Space } from 'antd';
import { DeleteOutlined, PlusOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { normalizeIdentifier } from '../../../../../shared/identifiers/input';
import type { ApplicationDraft } from '../../../../../shared/registration/application';
import { useLang } from '../../../components/useLang';
import { useMePerson } from '../api';
import { errorsAt, Field } from '../fields';
import { identifierProblems, nextRef } from '../identifiers';
import type { StepProps } from './step-props';

type Officers = NonNullable<ApplicationDraft['officers']>;
type PersonDraft = NonNullable<Officers['people']>[number];

export const emptyOfficers = (): Officers => ({
  people: [],
  legalRepresentative: { capacity: 'director' },
  governance: { kind: 'single-director' },
  supervision: { kind: 'supervisor' },
});

const sameId = (a: string | undefined, b: string | undefined): boolean =>
  !!a && !!b && normalizeIdentifier(a) === normalizeIdentifier(b);

/** Adds a person unless they are already listed (by resident ID); returns their ref. */
export const addPerson = (o: Officers, p: Omit<PersonDraft, 'ref'>): string => {
  const people = (o.people ??= []);
  const found = people.find((x) => sameId(x.residentId, p.residentId));
  if (found?.ref) return found.ref;
  const ref = nextRef(people.map((x) => x.ref));
  people.push({ ref, ...p });
  return ref;
};

/** Everyone named, each entered once; the roles below point at these entries. */
export const PeopleList = ({ draft, patch, errors, readOnly }: StepProps) => {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMePerson();
  const people = draft.officers?.people ?? [];
  const edit = (fn: (o: Officers) => void): void => patch((d) => fn((d.officers ??= emptyOfficers())));
  const shareholdersMissing = (draft.shareholders ?? []).filter(
    (s) => s.kind === 'person' && s.residentId && !people.some((p) => sameId(p.residentId, s.residentId)),
  );
  const meListed = me.data ? people.some((p) => sameId(p.residentId, me.data.residentId)) : true;
  return (
    <>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {people.map((p, i) => {
          const at = `officers.people.${i}`;
          const set = (fn: (x: PersonDraft) => void): void =>
            edit((o) => {
              const x = o.people?.[i];
              if (x) fn(x);
            });
          return (
            <Card
              key={p.ref ?? i}
              size="small"
              data-testid="reg-person"
              title={p.name?.trim() || t('registration.officers.personNo', { n: i + 1 })}
              extra={
                !readOnly && (
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => edit((o) => void o.people?.splice(i, 1))}
                  >
                    {t('registration.officers.remove')}
                  </Button>
                )
              }
            >
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Field
                    id={`${at}.name`}
                    label={t('registration.officers.name')}
                    errors={errorsAt(errors, `${at}.name`)}
                  >
                    <Input
                      id={`${at}.name`}
                      disabled={readOnly}
                      value={p.name ?? ''}
                      onChange={(e) => set((x) => void (x.name = e.target.value))}
                    />
                  </Field>
                </Col>
                <Col xs={24} md={10}>
                  <Field
                    id={`${at}.residentId`}
                    label={t('registration.officers.residentId')}
                    errors={[
                      ...errorsAt(errors, `${at}.residentId`),
                      ...identifierProblems('resident-id', p.residentId, lang),
                    ]}
                  >
                    <Input
                      id={`${at}.residentId`}
                      disabled={readOnly}
                      maxLength={20}
                      value={p.residentId ?? ''}
                      onChange={(e) => set((x) => void (x.residentId = e.target.value))}
                    />
                  </Field>
                </Col>
                <Col xs={24} md={8}>
                  <Field
                    id={`${at}.phone`}
                    label={t('registration.officers.phone')}
                    errors={errorsAt(errors, `${at}.phone`)}
                  >
                    <Input
                      id={`${at}.phone`}
                      disabled={readOnly}
                      inputMode="tel"
                      maxLength={11}
                      value={p.phone ?? ''}
                      onChange={(e) => set((x) => void (x.phone = e.target.value.trim()))}
                    />
                  </Field>
                </Col>
              </Row>
            </Card>
          );
        })}
      </Space>
      {!readOnly && (
        <Space wrap style={{ margin: '16px 0' }}>
          {!meListed && me.data && (
            <Button
              icon={<UserOutlined aria-hidden />}
              onClick={() =>
                edit(
                  (o) =>
                    void addPerson(o, {
                      name: me.data.name,
                      residentId: me.data.residentId,
                      phone: me.data.phone ?? '',
                    }),
                )
              }
            >
              {t('registration.officers.addMe')}
            </Button>
          )}
          {shareholdersMissing.length > 0 && (
            <Button
              icon={<TeamOutlined aria-hidden />}
              onClick={() =>
                edit((o) =>
                  shareholdersMissing.forEach((s) =>
                    addPerson(o, { name: s.name ?? '', residentId: s.residentId ?? '', phone: '' }),
                  ),
                )
              }
            >
              {t('registration.officers.addFromShareholders')}
            </Button>
          )}
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() =>
              edit(
                (o) =>
                  void (o.people ??= []).push({
                    ref: nextRef((o.people ?? []).map((x) => x.ref)),
                    name: '',
                    residentId: '',
                    phone: '',
                  }),
              )
            }
          >
            {t('registration.officers.addPerson')}
          </Button>
        </Space>
      )}
    </>
  );
};
