import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * The page's one h1. Its `title` (or its text) also names the browser tab — "页面 · 企业 · 商通" —
 * through the frame's useRouteTitle, so every page that shows an h1 gets its own title.
 */
export const PageTitle = ({
  title,
  children,
  style,
  testId,
}: {
  title: string;
  children?: ReactNode;
  style?: CSSProperties;
  testId?: string;
}) => (
  <Typography.Title
    level={1}
    className="st-h1"
    style={{ marginTop: 0, ...style }}
    data-testid={testId}
    data-title={title}
  >
    {children ?? title}
  </Typography.Title>
);
