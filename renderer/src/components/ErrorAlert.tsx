import { useRef, type CSSProperties } from 'react';
import { Alert } from 'antd';
import { ApiRequestError } from '../api/client';
import { useResultFocus } from './announce';

/**
 * A refusal as people should see it: the sentence to act on, with the platform's code beneath.
 * When it appears it is spoken in the polite live region and receives focus (see announce.ts).
 */
export const ErrorAlert = ({
  error,
  testId,
  style,
}: {
  error: Error | null | undefined;
  testId?: string;
  style?: CSSProperties;
}) => {
  const ref = useRef<HTMLDivElement>(null);
  useResultFocus(ref, Boolean(error), error?.message);
  return error ? (
    <div ref={ref} tabIndex={-1} className="st-result" style={style}>
      <Alert
        type="error"
        showIcon
        message={error.message}
        description={error instanceof ApiRequestError ? error.code : undefined}
        data-testid={testId}
      />
    </div>
  ) : null;
};
