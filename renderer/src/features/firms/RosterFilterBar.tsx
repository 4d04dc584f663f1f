import { Button, Checkbox, Col, InputNumber, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../components/useLang';
import {
  ClientDelegationState,
  delegationStateName,
  FilingState,
  filingStateName,
} from '../../../../shared/firms/client-state';
import type { RosterFilters } from '../../../../shared/firms/roster-filter';

type Props = {
  value: RosterFilters;
  onChange: (f: RosterFilters) => void;
  groups: { id: string; name: string }[];
};

const set = <K extends keyof RosterFilters>(
  f: RosterFilters,
  key: K,
  v: RosterFilters[K] | null | undefined,
): RosterFilters => {
  const empty = v === null || v === undefined || v === false || (Array.isArray(v) && v.length === 0);
  return Object.fromEntries(
    Object.entries({ ...f, [key]: empty ? undefined : v }).filter(([, x]) => x !== undefined),
  ) as RosterFilters;
};

/** The roster's filters: statuses, group, licences, sales, and day thresholds. Every control is labelled. */
export const RosterFilterBar = ({ value, onChange, groups }: Props) => {
  const { t } = useTranslation();
  const l = useLocalized();
  const label = (key: string) => t(`firms.roster.filters.${key}`);
  const field = (key: string, control: ReactNode) => (
    <Col xs={24} sm={12} lg={6}>
      <label style={{ display: 'block' }}>
        <span style={{ display: 'block', marginBottom: 4 }}>{label(key)}</span>
        {control}
      </label>
    </Col>
  );
  return (
    <Row gutter={[12, 12]} align="bottom" data-testid="roster-filters">
      {field(
        'delegation',
        <Select
          mode="multiple"
          allowClear
          style={{ width: '100%' }}
          placeholder={label('any')}
          value={value.delegation ?? []}
          onChange={(v: ClientDelegationState[]) => onChange(set(value, 'delegation', v))}
          options={ClientDelegationState.options.map((s) => ({ value: s, label: l(delegationStateName[s]) }))}
          data-testid="filter-delegation"
        />,
      )}
      {field(
        'vat',
        <Select
          mode="multiple"
          allowClear
          style={{ width: '100%' }}
          placeholder={label('any')}
          value={value.vat ?? []}
          onChange={(v: FilingState[]) => onChange(set(value, 'vat', v))}
          options={FilingState.options.map((s) => ({ value: s, label: l(filingStateName[s]) }))}
        />,
      )}
      {field(
        'cit',
        <Select
          mode="multiple"
          allowClear
          style={{ width: '100%' }}
          placeholder={label('any')}
          value={value.cit ?? []}
          onChange={(v: FilingState[]) => onChange(set(value, 'cit', v))}
          options={FilingState.options.map((s) => ({ value: s, label: l(filingStateName[s]) }))}
        />,
      )}
      {field(
        'group',
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={label('any')}
          value={value.group ?? null}
          onChange={(v: string | undefined) => onChange(set(value, 'group', v))}
          options={[
            { value: 'none', label: label('noGroup') },
            ...groups.map((g) => ({ value: g.id, label: g.name })),
          ]}
          data-testid="filter-group"
        />,
      )}
      {field(
        'expires',
        <InputNumber
          min={0}
          max={366}
          style={{ width: '100%' }}
          value={value.expiresWithinDays ?? null}
          onChange={(v) => onChange(set(value, 'expiresWithinDays', v ?? undefined))}
        />,
      )}
      {field(
        'deadline',
        <InputNumber
          min={0}
          max={366}
          style={{ width: '100%' }}
          value={value.deadlineWithinDays ?? null}
          onChange={(v) => onChange(set(value, 'deadlineWithinDays', v ?? undefined))}
        />,
      )}
      {field(
        'idle',
        <InputNumber
          min={1}
          max={3650}
          style={{ width: '100%' }}
          value={value.idleDays ?? null}
          onChange={(v) => onChange(set(value, 'idleDays', v ?? undefined))}
        />,
      )}
      <Col xs={24} sm={12} lg={6}>
        <Checkbox
          checked={value.licencesExpiring ?? false}
          onChange={(e) => onChange(set(value, 'licencesExpiring', e.target.checked))}
        >
          {label('licences')}
        </Checkbox>
        <Checkbox
          checked={value.noSales ?? false}
          onChange={(e) => onChange(set(value, 'noSales', e.target.checked))}
          data-testid="filter-no-sales"
        >
          {label('noSales')}
        </Checkbox>
        <Button type="link" onClick={() => onChange(value.search ? { search: value.search } : {})}>
          {label('clear')}
        </Button>
      </Col>
    </Row>
  );
};
