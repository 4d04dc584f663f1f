import type { ThemeConfig } from 'antd';

const base: ThemeConfig = {
  token: {
    colorPrimary: '#c8102e',
    colorLink: '#1456b8',
    borderRadius: 6,
    fontSize: 15,
    fontFamily:
      '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
};

/** Elder mode: large type, wide spacing, high contrast (WCAG AAA-leaning text colours). */
const elder: ThemeConfig = {
  token: {
    ...base.token,
    colorPrimary: '#a00d25',
    colorLink: '#0b3d91',
    colorText: '#000000',
    colorTextSecondary: '#1f1f1f',
    colorTextDescription: '#1f1f1f',
    colorBorder: '#595959',
    fontSize: 20,
    fontSizeHeading1: 38,
    fontSizeHeading2: 32,
    fontSizeHeading3: 27,
    fontSizeHeading4: 23,
    controlHeight: 48,
    lineHeight: 1.75,
    padding: 20,
    margin: 20,
  },
};

export const themeFor = (elderMode: boolean): ThemeConfig => (elderMode ? elder : base);
