import { Button, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UiLang } from '../../../shared/text';
import { useSession } from '../state/session';
import { savePreferences } from '../app/preferences';

/** Each language offered in its own words and tagged with its own `lang`, so screen readers say it right. */
const otherLanguage = (lang: UiLang): { to: UiLang; label: string; tag: string } =>
  lang === 'en' ? { to: 'zh', label: '中文', tag: 'zh-CN' } : { to: 'en', label: 'English', tag: 'en' };
const otherScript = (lang: UiLang): { to: UiLang; label: string; tag: string } =>
  lang === 'zh-HK' ? { to: 'zh', label: '简体', tag: 'zh-CN' } : { to: 'zh-HK', label: '繁體', tag: 'zh-HK' };

/** The language buttons (中文/English, 简体/繁體) and the elder-mode switch, saved on this machine and on the account. */
export const PrefsControls = () => {
  const { t } = useTranslation();
  const prefs = useSession((s) => s.prefs);
  const language = otherLanguage(prefs.lang);
  const script = otherScript(prefs.lang);
  // Its own Space: a fragment's children get no gap from the surrounding Space.
  return (
    <Space size="middle" wrap>
      <Button
        data-testid="toggle-language"
        lang={language.tag}
        onClick={() => void savePreferences({ ...prefs, lang: language.to })}
      >
        {language.label}
      </Button>
      <Button
        data-testid="toggle-script"
        lang={script.tag}
        onClick={() => void savePreferences({ ...prefs, lang: script.to })}
      >
        {script.label}
      </Button>
      <label className="st-switch-label">
        <Switch
          data-testid="toggle-elder"
          checked={prefs.elderMode}
          onChange={(elderMode) => void savePreferences({ ...prefs, elderMode })}
        />
        {t('nav.elderMode')}
      </label>
    </Space>
  );
};

/**
 * Pages without sign-in used to show the controls themselves; the open frame (app/OpenFrame.tsx)
 * shows them now on every such page. Kept so that a page still rendering it compiles and shows
 * nothing twice.
 */
export const PrefsBar = () => null;
