import { Suspense, useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LoginScreen, SessionControls } from './components/LoginScreen';
import { StatusBar } from './components/StatusBar';
import { useT } from './i18n';
import { SECTION_ENTRIES } from './sections';
import { useStatus, useUnitName } from './store/status';
import { useAutoLock, useSession } from './store/session';
import { SECTIONS, sectionFromHash, useUi, type Section } from './store/ui';

function useHashRouting(): void {
  const section = useUi((state) => state.section);
  const go = useUi((state) => state.go);
  useEffect(() => {
    const onHash = () => go(sectionFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [go]);
  useEffect(() => {
    if (sectionFromHash(location.hash) !== section) location.hash = `#/${section}`;
  }, [section]);
}

/** Alt+1 … Alt+9 jump between sections (in the navigation's order) from anywhere, without the mouse. */
function useSectionShortcuts(): void {
  const go = useUi((state) => state.go);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const index = Number(e.key) - 1;
      if (index >= 0 && index < SECTIONS.length) {
        e.preventDefault();
        go(SECTIONS[index]);
        document.getElementById('main')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
}

function NavBar() {
  const t = useT();
  const { section, go, lang, setLang, theme, setTheme } = useUi();
  const unitName = useUnitName();
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" lang="zh-CN">
          汛
        </span>
        <span>
          <strong>{t('app.title')}</strong>
          {unitName && <small className="unit-name">{unitName}</small>}
        </span>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {SECTIONS.map((name: Section, index) => (
            <li key={name}>
              <a
                href={`#/${name}`}
                className={name === section ? 'active' : undefined}
                aria-current={name === section ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${index + 1}`}
                data-section={name}
                onClick={() => go(name)}
              >
                {t(SECTION_ENTRIES[name].label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="top-actions">
        <SessionControls />
        <button type="button" className="ghost" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={t('theme.toggle')} data-testid="theme-toggle">
          {theme === 'dark' ? t('theme.light') : t('theme.dark')}
        </button>
        <button type="button" className="ghost" onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')} lang={lang === 'zh-CN' ? 'en' : 'zh-CN'} data-testid="lang-toggle">
          {t('lang.toggle')}
        </button>
      </div>
    </header>
  );
}

function DemoBanner() {
  const t = useT();
  const info = useStatus((state) => state.info);
  const unitName = useUnitName();
  if (!info?.demo) return null;
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      {t('demo.banner', { unit: unitName })}
    </div>
  );
}

/** Any call answered "unauthorized" means the session is gone: show the sign-in screen, not an error. */
function useSignInOnUnauthorized(): void {
  const errors = useUi((state) => state.errors);
  const dismiss = useUi((state) => state.dismissError);
  const requireSignIn = useSession((state) => state.requireSignIn);
  const load = useSession((state) => state.load);
  useEffect(() => {
    const unauthorized = errors.filter((e) => e.error.code === 'unauthorized');
    unauthorized.forEach((e) => dismiss(e.id));
    if (unauthorized.length) requireSignIn();
    if (errors.some((e) => e.error.key === 'errors.accounts.mustChangePassword')) void load();
  }, [errors, dismiss, requireSignIn, load]);
}

export function App() {
  const t = useT();
  const { section, lang, theme } = useUi();
  const { loaded, prompt, generation, load } = useSession();
  useHashRouting();
  useSectionShortcuts();
  useSignInOnUnauthorized();
  useAutoLock();
  useEffect(() => void load(), [load]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset.theme = theme;
    document.title = `${t('app.title')} · ${t(SECTION_ENTRIES[section].label)}`;
  }, [lang, theme, section, t]);

  const Current = SECTION_ENTRIES[section].component;
  // Nothing from the data is shown before it is known who may see it, nor behind the sign-in screen.
  if (!loaded || prompt) return loaded ? <LoginScreen /> : <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <NavBar />
      <DemoBanner />
      <ErrorBanner />
      <main id="main" tabIndex={-1} data-section={section} key={generation}>
        {/* Keyed by section: going to another section and back starts a failed one afresh. */}
        <ErrorBoundary key={section} area={section} title="boundary.section" name={SECTION_ENTRIES[section].label}>
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
            <Current />
          </Suspense>
        </ErrorBoundary>
      </main>
      <ErrorBoundary area="status-bar" title="boundary.statusBar" compact>
        <StatusBar />
      </ErrorBoundary>
    </div>
  );
}
