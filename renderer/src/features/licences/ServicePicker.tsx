import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { serviceItems } from '../../../../shared/services/catalogue';
import { useLocalized } from '../../components/useLang';

/**
 * Searchable list of the 免证办 service catalogue, grouped by kind (new, renewal, change, …).
 * Company establishment is left out: it is the registration flow (企业开办).
 */
export const ServicePicker = ({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (code: string) => void;
}) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const kinds = ['new', 'renew', 'change', 'annual-review', 'other'] as const;
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      style={{ width: '100%', maxWidth: 640 }}
      placeholder={t('licences.apply.pickPlaceholder')}
      aria-label={t('licences.apply.pick')}
      data-testid="service-picker"
      optionFilterProp="search"
      options={kinds.map((k) => ({
        label: t(`licences.apply.kinds.${k}`),
        options: serviceItems
          .filter((s) => s.kind === k && s.code !== 'business-licence.new')
          .map((s) => ({ value: s.code, label: loc(s.name), search: `${s.name.zh} ${s.name.en} ${s.code}` })),
      }))}
    />
  );
};
