import type { Locale } from 'antd/es/locale';
import zhCN from 'antd/es/locale/zh_CN';
import type { UiLang } from '../../../shared/text';

/**
 * Ant Design's own labels (pagination, dialogs, pickers, empty tables) in the chosen language.
 * 简体 comes with the first screen; 繁體 and English are fetched when chosen (prepareLanguage).
 */
const loaded: Partial<Record<UiLang, Locale>> = { zh: zhCN };

export const antdLocaleOf = (lang: UiLang): Locale => loaded[lang] ?? zhCN;

export const loadAntdLocale = async (lang: UiLang): Promise<void> => {
  if (loaded[lang]) return;
  loaded[lang] =
    lang === 'en'
      ? (await import('antd/es/locale/en_US')).default
      : (await import('antd/es/locale/zh_HK')).default;
};
