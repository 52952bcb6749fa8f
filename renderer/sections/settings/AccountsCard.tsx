import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ROLES, type Role } from '../../../core/permissions';
import type { AccountRecord } from '../../../core/contract/accounts';
import type { Settings } from '../../../core/settings';
import { act, useQuery } from '../../api/hooks';
import { useT, type TKey } from '../../i18n';
import { ChangePasswordForm } from '../../components/LoginScreen';
import { useSession } from '../../store/session';
import { useStatus } from '../../store/status';
import { DEFAULT_TIME_ZONE } from '../../../core/time';
import { plain, safeDate } from '../../format/safe';
import '../../components/accounts.css';

const roleKey = (role: Role) => `accounts.role.${role}` as TKey;

/** First run: the administrator is created here, then signed in straight away. */
function SetupForm() {
  const t = useT();
  const signIn = useSession((state) => state.signIn);
  const load = useSession((state) => state.load);
  const [form, setForm] = useState({ username: '', displayName: '', password: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })) });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMismatch(form.password !== form.repeat);
    if (form.password !== form.repeat) return;
    const admin = await act('accounts.setupAdmin', { username: form.username, displayName: form.displayName, password: form.password });
    if (!admin) return;
    await signIn(form.username, form.password);
    await load();
  }

  return (
    <form className="form-grid" onSubmit={submit} data-testid="setup-admin">
      <h3 className="form-actions">{t('accounts.setupTitle')}</h3>
      <p className="muted form-actions">{t('accounts.setupHint')}</p>
      <label>
        {t('accounts.username')}
        <input name="username" required autoComplete="username" maxLength={32} {...field('username')} />
      </label>
      <label>
        {t('accounts.displayName')}
        <input name="displayName" required maxLength={50} {...field('displayName')} />
      </label>
      <label>
        {t('accounts.password')}
        <input name="password" type="password" required autoComplete="new-password" {...field('password')} />
      </label>
      <label>
        {t('accounts.passwordRepeat')}
        <input name="repeat" type="password" required autoComplete="new-password" aria-invalid={mismatch} {...field('repeat')} />
      </label>
      {mismatch && (
        <p className="login-error form-actions" role="alert">
          {t('accounts.passwordMismatch')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('accounts.setupSubmit')}
        </button>
      </div>
    </form>
  );
}

function AccountRow({ account, onChanged }: { account: AccountRecord; onChanged(): void }) {
  const t = useT();
  const [resetting, setResetting] = useState(false);
  const [temp, setTemp] = useState('');
  const [note, setNote] = useState('');

  async function update(patch: { role?: Role; active?: boolean }) {
    if (await act('accounts.update', { id: account.id, patch })) onChanged();
  }

  async function reset(e: FormEvent) {
    e.preventDefault();
    if (!(await act('accounts.resetPassword', { id: account.id, newPassword: temp }))) return;
    setResetting(false);
    setTemp('');
    setNote(t('accounts.resetDone', { name: account.displayName }));
    onChanged();
  }

  const cancelOnEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') setResetting(false);
  };

  const locked = account.lockedUntilMs !== null && account.lockedUntilMs > Date.now();
  // The office's time zone, as on the status bar, not the browser's (a LAN PC may be set to UTC).
  const timeZone = useStatus((state) => state.status?.timeZone);
  const when = (ms: number | null) => (ms === null ? null : safeDate(ms, 'yyyy-MM-dd HH:mm:ss', timeZone ?? DEFAULT_TIME_ZONE));
  return (
    <tr className={account.active ? undefined : 'inactive'} data-username={account.username}>
      <td className="mono">{account.username}</td>
      <td>{account.displayName}</td>
      <td>
        <select aria-label={`${t('accounts.role')} ${account.displayName}`} value={account.role} onChange={(e) => void update({ role: e.target.value as Role })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(roleKey(role))}
            </option>
          ))}
        </select>
      </td>
      <td>
        {account.active ? t('accounts.active') : t('accounts.inactive')}
        {account.mustChangePassword && <span className="pill">{t('accounts.mustChangeFlag')}</span>}
        {locked && <span className="pill danger">{t('accounts.lockedUntil', { time: plain(when(account.lockedUntilMs) ?? '') })}</span>}
      </td>
      <td>{when(account.lastLoginAtMs) ?? t('accounts.never')}</td>
      <td>
        <div className="row-actions">
          <button type="button" onClick={() => void update({ active: !account.active })}>
            {account.active ? t('accounts.deactivate') : t('accounts.reactivate')}
          </button>
          {resetting ? (
            <form onSubmit={reset} onKeyDown={cancelOnEscape} className="row-actions">
              <input type="password" name="tempPassword" aria-label={t('accounts.resetFor', { name: account.displayName })} autoFocus required value={temp} onChange={(e) => setTemp(e.target.value)} />
              <button type="submit" className="primary">
                {t('accounts.resetPassword')}
              </button>
              <button type="button" className="ghost" onClick={() => setResetting(false)}>
                {t('common.cancel')}
              </button>
            </form>
          ) : (
            <button type="button" onClick={() => setResetting(true)}>
              {t('accounts.resetPassword')}
            </button>
          )}
          {note && <span role="status">{note}</span>}
        </div>
      </td>
    </tr>
  );
}

function CreateForm({ onCreated }: { onCreated(): void }) {
  const t = useT();
  const empty = { username: '', displayName: '', role: 'duty_officer' as Role, password: '' };
  const [form, setForm] = useState(empty);
  const [note, setNote] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const created = await act('accounts.create', form);
    if (!created) return;
    setForm(empty);
    setNote(t('accounts.created', { name: created.displayName }));
    onCreated();
  }

  return (
    <form className="form-grid" onSubmit={submit} data-testid="create-account">
      <h3 className="form-actions">{t('accounts.create')}</h3>
      <label>
        {t('accounts.username')}
        <input name="newUsername" required maxLength={32} value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
      </label>
      <label>
        {t('accounts.displayName')}
        <input name="newDisplayName" required maxLength={50} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
      </label>
      <label>
        {t('accounts.role')}
        <select name="newRole" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(roleKey(role))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('accounts.password')}
        <input name="newPassword" type="password" required autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('accounts.createSubmit')}
        </button>
        {note && <span role="status">{note}</span>}
      </div>
    </form>
  );
}

function PolicyForm() {
  const t = useT();
  const settings = useQuery('settings.get', {});
  const load = useSession((state) => state.load);
  const [policy, setPolicy] = useState<Settings['accounts']>();
  const [saved, setSaved] = useState(false);
  useEffect(() => setPolicy(settings.data?.accounts), [settings.data]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!policy) return;
    if (await act('settings.update', { section: 'accounts', values: { singleUser: policy.singleUser, autoLockMinutes: policy.autoLockMinutes } })) {
      setSaved(true);
      settings.reload();
      await load();
    }
  }

  return (
    <form className="form-grid" onSubmit={save} data-testid="accounts-policy">
      <h3 className="form-actions">{t('accounts.policy')}</h3>
      <label className="check-label">
        <input type="checkbox" name="singleUser" checked={policy?.singleUser ?? false} onChange={(e) => policy && (setSaved(false), setPolicy({ ...policy, singleUser: e.target.checked }))} />
        {t('accounts.singleUser')}
      </label>
      <label>
        {t('accounts.autoLockMinutes')}
        <input name="autoLockMinutes" type="number" min={0} max={1440} value={policy?.autoLockMinutes ?? 15} onChange={(e) => policy && (setSaved(false), setPolicy({ ...policy, autoLockMinutes: Number(e.target.value) }))} />
      </label>
      <p className="muted form-actions">{t('accounts.singleUserHint')}</p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!policy}>
          {t('common.save')}
        </button>
        {saved && <span role="status">{t('common.saved')}</span>}
      </div>
    </form>
  );
}

function AdminPanel() {
  const t = useT();
  const accounts = useQuery('accounts.list', { includeInactive: true });
  return (
    <>
      <h3>{t('accounts.list')}</h3>
      <table className="accounts-table" data-testid="accounts-table">
        <thead>
          <tr>
            <th>{t('accounts.username')}</th>
            <th>{t('accounts.displayName')}</th>
            <th>{t('accounts.role')}</th>
            <th>{t('accounts.state')}</th>
            <th>{t('accounts.lastLogin')}</th>
            <th>{t('accounts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(accounts.data ?? []).map((account) => (
            <AccountRow key={account.id} account={account} onChanged={accounts.reload} />
          ))}
        </tbody>
      </table>
      <CreateForm onCreated={accounts.reload} />
      <PolicyForm />
    </>
  );
}

/** Settings › Accounts: first-run setup, one's own password, and for administrators the accounts themselves. */
export function AccountsCard() {
  const t = useT();
  const status = useSession((state) => state.status);
  const [changing, setChanging] = useState(false);
  const [changed, setChanged] = useState(false);
  if (!status) return null;
  return (
    <section className="card stack" aria-labelledby="settings-accounts" data-testid="accounts-card">
      <h2 id="settings-accounts">{t('accounts.title')}</h2>
      {status.setupNeeded ? (
        <>
          <p className="muted">{t('accounts.noAccountsYet')}</p>
          <SetupForm />
        </>
      ) : (
        <>
          <p>
            {t('accounts.current')}: <strong>{status.account ? status.account.displayName : t('accounts.localOperator')}</strong>
            {status.account && ` (${status.account.username} · ${t(roleKey(status.account.role))})`}
          </p>
          {status.account &&
            (changing ? (
              <ChangePasswordForm onDone={() => (setChanging(false), setChanged(true))} />
            ) : (
              <div className="form-actions">
                <button type="button" onClick={() => (setChanging(true), setChanged(false))}>
                  {t('accounts.changeTitle')}
                </button>
                {changed && <span role="status">{t('accounts.changed')}</span>}
              </div>
            ))}
          {status.actor.role === 'admin' && <AdminPanel />}
        </>
      )}
    </section>
  );
}
