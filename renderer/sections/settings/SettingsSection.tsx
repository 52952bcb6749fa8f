import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../core/settings';
import { act, useQuery } from '../../api/hooks';
import { LANGS, useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { useUi } from '../../store/ui';
import { useIsAdmin } from '../../store/session';
import { DASH } from '../../format/safe';
import { AccountsCard } from './AccountsCard';
import { BackupsCard } from './BackupsCard';
import { IntegrityFacts } from './IntegrityFacts';
import { DEFAULT_TIME_ZONE } from '../../../core/time';

type General = Settings['general'];

export default function SettingsSection() {
  const t = useT();
  const { lang, theme, setLang, setTheme } = useUi();
  const settings = useQuery('settings.get', {});
  const info = useStatus((state) => state.info);
  const isAdmin = useIsAdmin();
  const refreshStatus = useStatus((state) => state.refresh);
  const [general, setGeneral] = useState<General>();
  const [saved, setSaved] = useState(false);

  useEffect(() => setGeneral(settings.data?.general), [settings.data]);

  const field = (key: keyof General) => ({
    value: general?.[key] ?? '',
    // Typed before the stored settings arrive, a value would be overwritten by them a moment later.
    disabled: !general,
    onChange: (e: { target: { value: string } }) => {
      setSaved(false);
      setGeneral((g) => (g ? { ...g, [key]: e.target.value } : g));
    },
  });

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!general) return;
    const result = await act('settings.update', { section: 'general', values: general });
    if (result) {
      setSaved(true);
      settings.reload();
      refreshStatus();
    }
  }

  return (
    <section className="panel stack">
      <h1>{t('settings.title')}</h1>
      <form className="card form-grid" onSubmit={save} aria-labelledby="settings-general">
        <h2 id="settings-general">{t('settings.general')}</h2>
        <label>
          {t('settings.unitName')}
          <input name="unitName" required maxLength={100} {...field('unitName')} />
        </label>
        <label>
          {t('settings.unitNameEn')}
          <input name="unitNameEn" maxLength={200} {...field('unitNameEn')} />
        </label>
        <label>
          {t('settings.dutyDayStart')}
          <input name="dutyDayStart" type="time" required {...field('dutyDayStart')} />
        </label>
        <label>
          {t('settings.timeZone')}
          <input name="timeZone" required {...field('timeZone')} />
        </label>
        <label>
          {t('settings.operatorName')}
          <input name="operatorName" maxLength={50} {...field('operatorName')} />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!general}>
            {t('common.save')}
          </button>
          {saved && <span role="status">{t('common.saved')}</span>}
        </div>
      </form>

      <div className="card form-grid">
        <h2>{t('settings.appearance')}</h2>
        <label>
          {t('settings.language')}
          <select value={lang} onChange={(e) => setLang(e.target.value as typeof lang)}>
            {LANGS.map((l) => (
              // Each language is named in itself, as a reader of it looks for it.
              <option key={l} value={l} lang={l}>
                {l === 'zh-CN' ? '简体中文' : 'English'}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.theme')}
          <select value={theme} onChange={(e) => setTheme(e.target.value as typeof theme)}>
            <option value="dark">{t('theme.dark')}</option>
            <option value="light">{t('theme.light')}</option>
          </select>
        </label>
      </div>

      <AccountsCard />

      {isAdmin && <BackupsCard settings={settings.data?.backup} timeZone={settings.data?.general.timeZone ?? DEFAULT_TIME_ZONE} onSaved={settings.reload} />}

      <dl className="card facts" aria-label={t('settings.about')}>
        <h2>{t('settings.about')}</h2>
        <dt>{t('settings.version')}</dt>
        <dd>{info?.appVersion}</dd>
        <dt>{t('settings.schema')}</dt>
        <dd>{info?.schemaVersion}</dd>
        <dt>{t('settings.dataDir')}</dt>
        <dd className="mono">{info?.dataDir ?? DASH}</dd>
        <dt>{t('settings.dbFile')}</dt>
        <dd className="mono">{info?.databaseFile ?? DASH}</dd>
        <IntegrityFacts timeZone={settings.data?.general.timeZone ?? DEFAULT_TIME_ZONE} />
      </dl>
    </section>
  );
}
