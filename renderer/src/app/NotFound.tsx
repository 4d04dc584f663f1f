import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';

/** An address no route knows. Its own chunk: the first screen does not carry Result's illustrations. */
export const NotFound = () => {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<PageTitle title={t('errors.notFound')} />}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
};
