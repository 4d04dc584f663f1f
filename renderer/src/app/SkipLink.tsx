import { useTranslation } from 'react-i18next';

/** The first stop of the keyboard on every page: jumps past the banner to the main content. */
export const SkipLink = () => {
  const { t } = useTranslation();
  return (
    <a className="st-skip" href="#main">
      {t('nav.skip')}
    </a>
  );
};
