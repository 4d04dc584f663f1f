import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiRequestError } from '../api/client';

/** A failed load, explained with the platform's own message. */
export const QueryError = ({ error }: { error: Error }) => {
  const { t } = useTranslation();
  const status =
    error instanceof ApiRequestError && error.status === 404
      ? '404'
      : error instanceof ApiRequestError && error.status === 403
        ? '403'
        : 'error';
  return (
    <Result
      status={status}
      title={error.message}
      subTitle={error instanceof ApiRequestError ? error.code : undefined}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
};
