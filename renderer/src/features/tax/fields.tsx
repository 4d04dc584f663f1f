import { useId } from 'react';
import { Checkbox, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where the engine's refusal points (dotted path) and its message, for the field to show. */
export type FieldError = { field: string | null; message: string } | null;

type AmountProps = {
  label: string;
  path: string;
  value: string | undefined;
  onChange: (value: string) => void;
  error: FieldError;
  unit?: string;
  testId?: string;
  /** A figure the engine needs (no "blank means 0"); its error waits until something is typed. */
  required?: boolean;
};

/**
 * An amount typed as text: decimal strings go to the engine unchanged (never through a float).
 * The label is tied to the input; the engine's message shows under the field it names.
 */
export const AmountField = ({ label, path, value, onChange, error, unit, testId, required }: AmountProps) => {
  const { t } = useTranslation();
  const id = useId();
  const blank = (value ?? '').trim() === '';
  const mine = error && error.field === path && !(required && blank) ? error.message : null;
  return (
    <div style={{ marginBottom: 12 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </label>
      <Input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={value ?? ''}
        placeholder={required ? t('tax.form.required') : t('tax.form.blankIsZero')}
        aria-required={required ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        addonAfter={unit ?? t('tax.form.yuan')}
        status={mine ? 'error' : undefined}
        aria-invalid={mine ? true : undefined}
        aria-describedby={mine ? `${id}-error` : undefined}
        data-testid={testId ?? `field-${path}`}
        style={{ maxWidth: 420 }}
      />
      {mine && (
        <Typography.Text type="danger" id={`${id}-error`} role="alert" style={{ display: 'block' }}>
          {mine}
        </Typography.Text>
      )}
    </div>
  );
};

export const FlagField = ({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) => (
  <div style={{ marginBottom: 12 }}>
    <Checkbox checked={checked} onChange={(e) => onChange(e.target.checked)}>
      {label}
    </Checkbox>
  </div>
);
