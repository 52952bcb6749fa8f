import { useState, type FormEvent } from 'react';
import { personRoles, type DutyPersonRecord } from '../../../core/contract/dutyShared';
import type { PersonRole } from '../../../core/domain/duty/types';
import { plain, useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';
import { useDutyQuery, useDutyWrite } from './store';

type PersonDraft = Pick<DutyPersonRecord, 'name' | 'unit' | 'roles' | 'phone' | 'phone2' | 'active' | 'notes'> & { id?: string };

const BLANK: PersonDraft = { name: '', unit: '', roles: ['officer'], phone: '', phone2: '', active: true, notes: '' };

function LeaveForm({ person }: { person: DutyPersonRecord }) {
  const t = useT();
  const write = useDutyWrite();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  return (
    <div className="stack">
      <h3>{t('duty.people.leave')}</h3>
      <ul className="changes">
        {person.leave.map((l) => (
          <li key={l.id}>
            {l.from} – {l.to} {l.reason}{' '}
            <button type="button" className="ghost" onClick={() => write('duty.cancelLeave', { id: l.id })}>
              {t('duty.people.cancelLeave')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await write('duty.addLeave', { personId: person.id, from, to, reason })) setReason('');
        }}
      >
        <input type="date" aria-label={t('duty.people.leaveFrom')} required value={from} onChange={(e) => setFrom(e.target.value)} />
        <input type="date" aria-label={t('duty.people.leaveTo')} required value={to} onChange={(e) => setTo(e.target.value)} />
        <input aria-label={t('duty.people.leaveReason')} placeholder={t('duty.people.leaveReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit">{t('duty.people.addLeave')}</button>
      </form>
    </div>
  );
}

/** The people register: who can be put on the rota, how to reach them, and when they are away. */
export default function PeopleTab() {
  const t = useT();
  const code = useCodeLabel();
  const separator = useUi((s) => s.lang) === 'zh-CN' ? '、' : ', ';
  const write = useDutyWrite();
  const people = useDutyQuery('duty.listPeople', { includeInactive: true });
  const [draft, setDraft] = useState<PersonDraft>(BLANK);
  const editing = people.data?.find((p) => p.id === draft.id);

  const text = (key: 'name' | 'unit' | 'phone' | 'phone2' | 'notes') => ({
    name: key,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });
  const toggleRole = (role: PersonRole, on: boolean) =>
    setDraft((d) => ({ ...d, roles: on ? [...d.roles, role] : d.roles.filter((r) => r !== role) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await write('duty.savePerson', draft)) setDraft(BLANK);
  }

  return (
    <div className="duty-people grid-2">
      <section className="card" aria-labelledby="people-title">
        <h2 id="people-title">{t('duty.people.title', { count: people.data?.length ?? 0 })}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('duty.people.name')}</th>
              <th>{t('duty.people.unit')}</th>
              <th>{t('duty.people.roles')}</th>
              <th>{t('duty.people.phone')}</th>
            </tr>
          </thead>
          <tbody>
            {people.data?.map((p) => (
              <tr key={p.id} className={p.active ? undefined : 'inactive'}>
                <td>
                  <button type="button" className="ghost" onClick={() => setDraft({ id: p.id, name: p.name, unit: p.unit, roles: p.roles, phone: p.phone, phone2: p.phone2, active: p.active, notes: p.notes })}>
                    {p.name}
                  </button>
                  {p.leave.length > 0 && <span className="pill">{t('duty.people.hasLeave')}</span>}
                </td>
                <td>{p.unit}</td>
                <td>{p.roles.map((r) => plain(code('duty.role', r))).join(separator)}</td>
                <td className="mono">{p.phone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="stack">
        <form className="card form-grid" onSubmit={submit} aria-labelledby="person-form-title">
          <h2 id="person-form-title">{draft.id ? t('duty.people.edit', { name: editing?.name ?? '' }) : t('duty.people.add')}</h2>
          <label>
            {t('duty.people.name')}
            <input required maxLength={50} {...text('name')} />
          </label>
          <label>
            {t('duty.people.unit')}
            <input maxLength={100} {...text('unit')} />
          </label>
          <label>
            {t('duty.people.phone')}
            <input maxLength={30} inputMode="tel" {...text('phone')} />
          </label>
          <label>
            {t('duty.people.phone2')}
            <input maxLength={30} inputMode="tel" {...text('phone2')} />
          </label>
          <fieldset className="wide roles">
            <legend>{t('duty.people.roles')}</legend>
            {personRoles.map((r) => (
              <label key={r} className="check">
                <input type="checkbox" checked={draft.roles.includes(r)} onChange={(e) => toggleRole(r, e.target.checked)} />
                {t(`duty.role.${r}`)}
              </label>
            ))}
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={draft.active} onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))} />
            {t('duty.people.active')}
          </label>
          <div className="form-actions">
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
            {draft.id && (
              <button type="button" onClick={() => setDraft(BLANK)}>
                {t('common.cancel')}
              </button>
            )}
          </div>
        </form>
        {editing && (
          <section className="card">
            <LeaveForm person={editing} />
          </section>
        )}
      </div>
    </div>
  );
}
