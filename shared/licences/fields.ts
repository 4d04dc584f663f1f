import { DomainError } from '../domain-error';
import { isIsoDate } from '../identifiers/calendar-date';
import type { FieldSpec, LicenceType } from './licence-type';

export type FieldValue = string | string[];

/** Yuan with at most two decimals, written as a string so it never passes through a float. */
const MONEY = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

const problem = (field: string, zh: string, en: string): DomainError =>
  new DomainError('LICENCE_FIELD_INVALID', { zh, en }, { field: `fields.${field}` });

const checkValue = (spec: FieldSpec, value: FieldValue): DomainError | null => {
  const label = spec.label;
  if (spec.kind === 'list') {
    if (!Array.isArray(value) || value.length === 0 || value.some((v) => v.trim() === '')) {
      return problem(
        spec.name,
        `${label.zh}应为非空的条目列表`,
        `${label.en} must be a non-empty list of items`,
      );
    }
    return null;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return problem(spec.name, `${label.zh}应为非空文字`, `${label.en} must be non-empty text`);
  }
  if (spec.kind === 'date' && !isIsoDate(value)) {
    return problem(
      spec.name,
      `${label.zh}应为有效日期（YYYY-MM-DD）`,
      `${label.en} must be a real date (YYYY-MM-DD)`,
    );
  }
  if (spec.kind === 'money' && !MONEY.test(value)) {
    return problem(
      spec.name,
      `${label.zh}应为以元计的金额，最多两位小数`,
      `${label.en} must be an amount in yuan with at most two decimals`,
    );
  }
  if (spec.kind === 'enum' && !(spec.options ?? []).includes(value)) {
    return problem(spec.name, `${label.zh}不是允许的取值`, `${label.en} is not one of the allowed values`);
  }
  return null;
};

/**
 * Every problem with a licence's fields against its type: unknown fields, missing required ones
 * and values of the wrong shape. Empty means the fields conform. Used before signing, so an
 * authority never signs a document the app cannot display.
 */
export const checkLicenceFields = (type: LicenceType, fields: Record<string, FieldValue>): DomainError[] => {
  const errors: DomainError[] = [];
  const specs = new Map(type.fields.map((f) => [f.name, f]));
  for (const name of Object.keys(fields)) {
    if (!specs.has(name)) {
      errors.push(
        new DomainError(
          'LICENCE_FIELD_UNKNOWN',
          { zh: `证照类型没有字段 ${name}`, en: `The licence type has no field ${name}` },
          { field: `fields.${name}` },
        ),
      );
    }
  }
  for (const spec of type.fields) {
    const value = fields[spec.name];
    if (value === undefined) {
      if (spec.required) {
        errors.push(
          new DomainError(
            'LICENCE_FIELD_REQUIRED',
            { zh: `缺少${spec.label.zh}`, en: `${spec.label.en} is missing` },
            { field: `fields.${spec.name}` },
          ),
        );
      }
      continue;
    }
    const error = checkValue(spec, value);
    if (error) errors.push(error);
  }
  return errors;
};
