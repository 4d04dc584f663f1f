// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { loopbackHostOf, QrImage } from './QrImage';

describe('QR codes of links phones cannot open', () => {
  it('recognises loopback links', () => {
    expect(loopbackHostOf('http://127.0.0.1:5170/approve/x')).toBe('127.0.0.1');
    expect(loopbackHostOf('http://localhost:5170/v/')).toBe('localhost');
    expect(loopbackHostOf('http://192.168.1.20:5170/approve/x')).toBeUndefined();
  });

  it('says plainly that phones cannot open a loopback link, and how to fix it', () => {
    const { unmount } = renderWithApp(<QrImage value="http://127.0.0.1:5170/approve/abc" alt="qr" />);
    expect(screen.getByTestId('loopback-warning')).toHaveTextContent('--public-url');
    unmount();
    renderWithApp(<QrImage value="https://shangtong.example.cn/approve/abc" alt="qr" />);
    expect(screen.queryByTestId('loopback-warning')).toBeNull();
  });
});
