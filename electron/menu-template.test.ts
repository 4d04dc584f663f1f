import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuContext } from './menu-template';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

const context = (over: Partial<MenuContext> = {}): MenuContext => ({
  lang: 'zh',
  platform: 'win32',
  devTools: false,
  actions: { navigate: vi.fn(), about: vi.fn() },
  ...over,
});

describe('buildMenuTemplate', () => {
  it('labels every entry in the chosen language', () => {
    const zh = flatten(buildMenuTemplate(context({ lang: 'zh' }))).filter((i) => i.type !== 'separator');
    const en = flatten(buildMenuTemplate(context({ lang: 'en' }))).filter((i) => i.type !== 'separator');
    expect(zh.every((i) => typeof i.label === 'string' && /[\u4e00-\u9fff]/.test(i.label))).toBe(true);
    expect(en.every((i) => typeof i.label === 'string' && /^[A-Za-z ]+$/.test(i.label))).toBe(true);
    expect(zh.map((i) => i.accelerator)).toEqual(en.map((i) => i.accelerator));
  });

  it('has keyboard shortcuts for navigation and editing, without duplicates', () => {
    const items = flatten(buildMenuTemplate(context()));
    const accelerators = items.map((i) => i.accelerator).filter((a): a is string => typeof a === 'string');
    expect(accelerators).toEqual(
      expect.arrayContaining(['CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+C', 'CmdOrCtrl+V', 'CmdOrCtrl+0']),
    );
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('navigates through the deep-link route', () => {
    const actions = { navigate: vi.fn(), about: vi.fn() };
    const inbox = flatten(buildMenuTemplate(context({ lang: 'en', actions }))).find(
      (i) => i.label === 'Inbox',
    );
    inbox?.click?.({} as never, undefined, {} as never);
    expect(actions.navigate).toHaveBeenCalledWith('/inbox');
  });

  it('offers developer tools only when allowed', () => {
    const roles = (devTools: boolean) => flatten(buildMenuTemplate(context({ devTools }))).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('puts the app menu first on macOS only', () => {
    expect(buildMenuTemplate(context({ platform: 'darwin' }))[0]?.label).toBe('商通');
    expect(buildMenuTemplate(context({ platform: 'linux' }))[0]?.label).toBe('文件');
  });
});
