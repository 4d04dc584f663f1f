import { Button, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session';
import { savePreferences } from '../app/preferences';

/** The language button and the elder-mode switch, saved on this machine and on the account. */
export const PrefsControls = () => {
  const { t } = useTranslation();
  const prefs = useSession((s) => s.prefs);
  // Its own Space: a fragment's children get no gap from the surrounding Space.
  return (
    <Space size="middle" wrap>
      <Button
        data-testid="toggle-language"
        onClick={() => void savePreferences({ ...prefs, lang: prefs.lang === 'zh' ? 'en' : 'zh' })}
      >
        {t('nav.language')}
      </Button>
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
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

/** Language and elder mode for pages shown before sign-in (sign-in, phone approval). */
export const PrefsBar = () => (
  <Space style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }} wrap>
    <PrefsControls />
  </Space>
);
