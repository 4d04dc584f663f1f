import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { ApiRequestError } from '../api/client';

/** A refusal as people should see it: the sentence to act on, with the platform's code beneath. */
export const ErrorAlert = ({
  error,
  testId,
  style,
}: {
  error: Error | null | undefined;
  testId?: string;
  style?: CSSProperties;
}) =>
  error ? (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={error.message}
      description={error instanceof ApiRequestError ? error.code : undefined}
      data-testid={testId}
      style={style}
    />
  ) : null;
