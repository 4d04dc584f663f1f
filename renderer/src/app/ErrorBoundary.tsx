import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import i18n from 'i18next';

type State = { error: Error | null };

/** Catches render errors and shows a helpful message instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={i18n.t('errors.title')}
        subTitle={i18n.t('errors.body')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {i18n.t('errors.reload')}
          </Button>
        }
      />
    );
  }
}
