import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../shared/text';

export type MenuActions = {
  /** Opens an in-app path (the same route a deep link takes). */
  navigate: (path: string) => void;
  about: () => void;
};

export type MenuContext = { lang: Lang; platform: NodeJS.Platform; devTools: boolean; actions: MenuActions };

const L = {
  app: { zh: '商通', en: 'Shangtong' },
  file: { zh: '文件', en: 'File' },
  home: { zh: '我的企业', en: 'My companies' },
  inbox: { zh: '待办消息', en: 'Inbox' },
  quit: { zh: '退出商通', en: 'Quit Shangtong' },
  edit: { zh: '编辑', en: 'Edit' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  cut: { zh: '剪切', en: 'Cut' },
  copy: { zh: '复制', en: 'Copy' },
  paste: { zh: '粘贴', en: 'Paste' },
  selectAll: { zh: '全选', en: 'Select all' },
  view: { zh: '视图', en: 'View' },
  reload: { zh: '重新载入', en: 'Reload' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  resetZoom: { zh: '实际大小', en: 'Actual size' },
  fullscreen: { zh: '全屏', en: 'Full screen' },
  devTools: { zh: '开发者工具', en: 'Developer tools' },
  window: { zh: '窗口', en: 'Window' },
  minimize: { zh: '最小化', en: 'Minimize' },
  close: { zh: '关闭窗口', en: 'Close window' },
  help: { zh: '帮助', en: 'Help' },
  about: { zh: '关于商通', en: 'About Shangtong' },
  hide: { zh: '隐藏商通', en: 'Hide Shangtong' },
} as const;

/**
 * The native menu in the user's language. Roles give the platform behaviour (clipboard, zoom,
 * full screen); navigation entries go through the deep-link route into the renderer.
 */
export const buildMenuTemplate = ({
  lang,
  platform,
  devTools,
  actions,
}: MenuContext): MenuItemConstructorOptions[] => {
  const t = (key: keyof typeof L): string => L[key][lang];
  const isMac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: t('app'),
          submenu: [
            { label: t('about'), click: actions.about },
            { type: 'separator' },
            { label: t('hide'), role: 'hide' },
            { type: 'separator' },
            { label: t('quit'), role: 'quit', accelerator: 'Cmd+Q' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: t('file'),
      submenu: [
        { label: t('home'), accelerator: 'CmdOrCtrl+1', click: () => actions.navigate('/') },
        { label: t('inbox'), accelerator: 'CmdOrCtrl+2', click: () => actions.navigate('/inbox') },
        ...(isMac
          ? []
          : [
              { type: 'separator' } as const,
              { label: t('quit'), role: 'quit', accelerator: 'Ctrl+Q' } as const,
            ]),
      ],
    },
    {
      label: t('edit'),
      submenu: [
        { label: t('undo'), role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: t('redo'), role: 'redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y' },
        { type: 'separator' },
        { label: t('cut'), role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: t('copy'), role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: t('paste'), role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: t('selectAll'), role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: t('view'),
      submenu: [
        { label: t('reload'), role: 'reload', accelerator: 'CmdOrCtrl+R' },
        { type: 'separator' },
        { label: t('zoomIn'), role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: t('zoomOut'), role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { label: t('resetZoom'), role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { type: 'separator' },
        { label: t('fullscreen'), role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
        ...(devTools
          ? [
              {
                label: t('devTools'),
                role: 'toggleDevTools',
                accelerator: isMac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I',
              } as const,
            ]
          : []),
      ],
    },
    {
      label: t('window'),
      submenu: [
        { label: t('minimize'), role: 'minimize', accelerator: 'CmdOrCtrl+M' },
        { label: t('close'), role: 'close', accelerator: 'CmdOrCtrl+W' },
      ],
    },
    {
      label: t('help'),
      role: 'help',
      submenu: [{ label: t('about'), click: actions.about }],
    },
  ];
};
