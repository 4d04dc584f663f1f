import { Typography } from 'antd';

/** A card's heading: the page keeps its one h1, each step is an h2. */
export const CardTitle = ({ children }: { children: string }) => (
  <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
    {children}
  </Typography.Title>
);
