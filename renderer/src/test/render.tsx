/**
 * Component tests: the app's providers (i18n with every feature's messages, antd, TanStack Query,
 * a memory router) around one component, and a fetch double that answers by method and path.
 * Used from files that run in jsdom (`// @vitest-environment jsdom`).
 */
import type { ReactElement, ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import '@testing-library/jest-dom/vitest';
import { registerFeatures } from '../features';
import { initI18n } from '../i18n';
import { featureMessages } from '../i18n/feature-messages';
import { useSession } from '../state/session';
import { configureApi } from '../api/client';

let registered = false;

/** jsdom lacks what antd's responsive grid and tables ask the browser for. */
const polyfill = (): void => {
  if (!window.matchMedia)
    Object.defineProperty(window, 'matchMedia', {
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  if (!('ResizeObserver' in window))
    Object.defineProperty(window, 'ResizeObserver', {
      value: class {
        observe(): void {}
        unobserve(): void {}
        disconnect(): void {}
      },
    });
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

export type Route = { method: string; path: string | RegExp; status?: number; body: unknown };
export type FetchCall = { method: string; path: string; body: unknown };

/**
 * Answers fetch from the given routes (first match wins) and records every call; a request no
 * route answers fails the test with its method and path.
 */
export const stubApi = (routes: Route[]): FetchCall[] => {
  const calls: FetchCall[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = String(input);
    calls.push({ method, path, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    const route = routes.find(
      (r) => r.method === method && (typeof r.path === 'string' ? r.path === path : r.path.test(path)),
    );
    if (!route) throw new Error(`unexpected request ${method} ${path}`);
    return new Response(JSON.stringify(route.body), {
      status: route.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return calls;
};

/** Renders with the app's providers, in English (the messages are keyed the same in both languages). */
export const renderWithApp = (ui: ReactElement, options: { path?: string } = {}): RenderResult => {
  polyfill();
  if (!registered) {
    registerFeatures();
    registered = true;
  }
  initI18n('en', featureMessages);
  useSession.setState({ prefs: { lang: 'en', elderMode: false } });
  configureApi({ lang: 'en' });
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const Providers = ({ children }: { children: ReactNode }) => (
    <ConfigProvider>
      <AntApp>
        <QueryClientProvider client={client}>
          <MemoryRouter initialEntries={[options.path ?? '/']}>{children}</MemoryRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
  return render(ui, { wrapper: Providers });
};
