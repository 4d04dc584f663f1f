import type { CSSProperties, ReactNode } from 'react';

/**
 * Ant Design's List.Item.Meta with the same classes and look, but its title is not an h4: a list
 * row is not a section, and an h4 under the page's h1 and h2 breaks the heading outline that
 * screen-reader users navigate by (axe heading-order).
 */
export const ItemMeta = ({
  avatar,
  title,
  description,
  style,
  className,
}: {
  avatar?: ReactNode;
  title?: ReactNode;
  description?: ReactNode;
  style?: CSSProperties;
  className?: string;
}) => (
  <div className={['ant-list-item-meta', className].filter(Boolean).join(' ')} style={style}>
    {avatar && <div className="ant-list-item-meta-avatar">{avatar}</div>}
    {(title || description) && (
      <div className="ant-list-item-meta-content">
        {title && <div className="ant-list-item-meta-title">{title}</div>}
        {description && <div className="ant-list-item-meta-description">{description}</div>}
      </div>
    )}
  </div>
);
