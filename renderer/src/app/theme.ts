import type { ThemeConfig } from 'antd';

/**
 * Colours chosen for contrast (WCAG 2.x AA): text ≥ 4.5:1 and UI parts ≥ 3:1 on white and on the
 * light tints Ant Design puts behind tags and alerts. The default secondary grey (#8c8c8c, 3.36:1),
 * status greens/golds and #ff4d4f fail that, so the status seeds and the palette steps that tags
 * use for their text (`<colour>7`) are replaced by darker steps. Ratios are in docs/accessibility.md.
 */
const contrast = {
  colorTextSecondary: '#595959', // 7.0:1 on white
  colorTextTertiary: '#595959',
  colorTextDescription: '#595959',
  colorTextPlaceholder: '#6e6e6e', // 5.1:1
  colorTextDisabled: '#6e6e6e',
  colorBorder: '#8c8c8c', // input borders 3.4:1 (non-text contrast)
  colorSuccess: '#237804', // 5.4:1 on its tag tint
  colorError: '#cf1322', // 5.1:1 on its tint; white on it 5.6:1
  colorWarning: '#874d00', // 6.5:1 on its tint
  colorInfo: '#0958d9', // 5.5:1 on its tint
  // Preset tag colours: text is step 7 of each palette on step 1.
  green7: '#135200',
  red7: '#a8071a',
  orange7: '#ad4e00',
  gold7: '#874d00',
  yellow7: '#614700',
  lime7: '#3f6600',
  cyan7: '#00474f',
  volcano7: '#ad2102',
  blue7: '#0958d9',
  magenta7: '#9e1068',
} as const;

const base: ThemeConfig = {
  token: {
    ...contrast,
    colorPrimary: '#c8102e', // white on it 5.9:1
    colorLink: '#1456b8', // 6.9:1
    borderRadius: 6,
    fontSize: 15,
    // Headings were moved up one level (one h1 per page, no skipped levels); they keep the sizes
    // they had one level down.
    fontSizeHeading1: 28,
    fontSizeHeading2: 22,
    fontSizeHeading3: 18,
    fontSizeHeading4: 16,
    fontSizeHeading5: 15,
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
    colorTextTertiary: '#1f1f1f',
    colorTextDescription: '#1f1f1f',
    colorBorder: '#595959',
    fontSize: 20,
    fontSizeSM: 18,
    fontSizeHeading1: 32,
    fontSizeHeading2: 28,
    fontSizeHeading3: 25,
    fontSizeHeading4: 22,
    fontSizeHeading5: 20,
    controlHeight: 48,
    controlHeightSM: 44,
    controlHeightLG: 56,
    lineHeight: 1.75,
    lineHeightSM: 1.6,
    padding: 20,
    margin: 20,
  },
  components: {
    Tag: { fontSizeSM: 18, lineHeightSM: 1.6 },
    Badge: { textFontSize: 18, textFontSizeSM: 18, indicatorHeight: 28, indicatorHeightSM: 24 },
    Steps: { iconSize: 44, iconFontSize: 20 },
    Table: { fontSize: 19 },
  },
};

export const themeFor = (elderMode: boolean): ThemeConfig => (elderMode ? elder : base);
