import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { call, CallError } from '../api/client';
import { describeError, useT, type TKey } from '../i18n';
import { useSession, type Prompt } from '../store/session';
import { useUi } from '../store/ui';
import { DEFAULT_TIME_ZONE } from '../../core/time';
import { hoursMinutes } from '../format/duration';
import { plain, safeDate, useCodeLabel } from '../format/safe';
import './accounts.css';

// Signed out, the status (and its zone setting) cannot be read; the default zone is the office's in nearly every case.
const timeOf = (ms: number) => plain(safeDate(ms, 'HH:mm:ss', DEFAULT_TIME_ZONE));

function PromptNote({ prompt }: { prompt: Prompt }) {
  const t = useT();
  if (prompt.reason === 'switch') return <p role="status">{t('accounts.switchedOut', { name: prompt.name })}</p>;
  if (prompt.reason === 'idle') return <p role="status">{t('accounts.lockedByIdle', { duration: hoursMinutes(prompt.minutes * 60_000) })}</p>;
  if (prompt.reason === 'mustChange') return <p role="status">{t('accounts.mustChange')}</p>;
  return <p className="muted">{t('accounts.signedOutNote')}</p>;
}

function SignInForm() {
  const t = useT();
  const signIn = useSession((state) => state.signIn);
  const singleUser = useSession((state) => state.status?.singleUser ?? false);
  const continueLocal = useSession((state) => state.continueLocal);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage('');
    const result = await signIn(username, password);
    setBusy(false);
    setPassword('');
    if (result && !result.ok) setMessage(result.reason === 'locked' ? t('accounts.locked', { time: timeOf(result.lockedUntilMs) }) : t('accounts.invalid'));
  }

  // Escape clears the password; in single-user mode it also leaves the screen.
  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    setPassword('');
    if (singleUser) void continueLocal();
  }

  return (
    <form className="login-form" onSubmit={submit} onKeyDown={onKeyDown} data-testid="login-form">
      <label>
        {t('accounts.username')}
        <input name="username" autoComplete="username" autoFocus required maxLength={64} value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        {t('accounts.password')}
        <input name="password" type="password" autoComplete="current-password" required maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {message && (
        <p className="login-error" role="alert" data-testid="login-error">
          {message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('accounts.checking') : t('accounts.signIn')}
        </button>
        {singleUser && (
          <button type="button" className="ghost" onClick={() => void continueLocal()} data-testid="continue-local">
            {t('accounts.continueLocal')}
          </button>
        )}
      </div>
    </form>
  );
}

/** Own password change: at the forced first sign-in and from the Accounts card. */
export function ChangePasswordForm({ onDone }: { onDone(): void }) {
  const t = useT();
  const lang = useUi((state) => state.lang);
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (newPassword !== repeat) return setMessage(t('accounts.passwordMismatch'));
    setBusy(true);
    try {
      await call('accounts.changePassword', { oldPassword, newPassword });
      setMessage('');
      onDone();
    } catch (error) {
      setMessage(error instanceof CallError ? describeError(lang, error.body).title : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="login-form" onSubmit={submit} data-testid="change-password">
      <label>
        {t('accounts.oldPassword')}
        <input name="oldPassword" type="password" autoComplete="current-password" required value={oldPassword} onChange={(e) => setOld(e.target.value)} />
      </label>
      <label>
        {t('accounts.newPassword')}
        <input name="newPassword" type="password" autoComplete="new-password" required value={newPassword} onChange={(e) => setNew(e.target.value)} />
      </label>
      <label>
        {t('accounts.passwordRepeat')}
        <input name="repeatPassword" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </label>
      {message && (
        <p className="login-error" role="alert">
          {message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('accounts.changeTitle')}
        </button>
      </div>
    </form>
  );
}

/** Covers the whole app until someone signs in; the section and its address are kept underneath. */
export function LoginScreen() {
  const t = useT();
  const prompt = useSession((state) => state.prompt);
  const passwordChanged = useSession((state) => state.passwordChanged);
  const { lang, setLang, theme, setTheme } = useUi();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [prompt?.reason]);
  if (!prompt) return null;
  const title: TKey = prompt.reason === 'mustChange' ? 'accounts.changeTitle' : 'accounts.signInTitle';
  return (
    <div className="login-screen" data-testid="login-screen">
      <div className="login-tools">
        <button type="button" className="ghost" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={t('theme.toggle')}>
          {theme === 'dark' ? t('theme.light') : t('theme.dark')}
        </button>
        <button type="button" className="ghost" onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')} lang={lang === 'zh-CN' ? 'en' : 'zh-CN'} data-testid="login-lang">
          {t('lang.toggle')}
        </button>
      </div>
      <section className="login-card card" aria-labelledby="login-title">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            汛
          </span>
          <strong>{t('app.title')}</strong>
        </div>
        <h1 id="login-title" tabIndex={-1} ref={heading}>
          {t(title)}
        </h1>
        <PromptNote prompt={prompt} />
        {prompt.reason === 'mustChange' ? <ChangePasswordForm onDone={() => void passwordChanged()} /> : <SignInForm />}
      </section>
    </div>
  );
}

/** Header controls: who is acting and the quick switch of the person on duty. Hidden until accounts exist. */
export function SessionControls() {
  const t = useT();
  const code = useCodeLabel();
  const status = useSession((state) => state.status);
  const switchUser = useSession((state) => state.switchUser);
  if (!status || status.setupNeeded) return null;
  const name = status.account ? status.account.displayName : t('accounts.localOperator');
  return (
    <div className="session-controls">
      <span className="session-who" data-testid="session-who" title={t('accounts.current')}>
        {name}
        {status.account && <small> · {code('accounts.role', status.account.role)}</small>}
      </span>
      <button type="button" className="ghost" onClick={() => void switchUser()} data-testid="switch-user">
        {t('accounts.switchUser')}
      </button>
    </div>
  );
}
