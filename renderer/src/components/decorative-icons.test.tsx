// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { Alert, Button } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { hideDecorativeIcons } from './decorative-icons';

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('decorative icons', () => {
  it("hides antd's own status icon and keeps a nameless control's only icon", async () => {
    const stop = hideDecorativeIcons(document.body);
    const { container } = render(
      <div>
        <Alert type="success" showIcon message="已申报" />
        <Button icon={<LeftOutlined />} data-testid="bare" />
        <Button icon={<LeftOutlined />} aria-label="上一页" data-testid="named" />
      </div>,
    );
    await flush();
    const status = container.querySelector('.ant-alert .anticon');
    expect(status?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByTestId('bare').querySelector('.anticon')?.getAttribute('aria-hidden')).toBeNull();
    expect(screen.getByTestId('named').querySelector('.anticon')?.getAttribute('aria-hidden')).toBe('true');
    stop();
  });
});
