import { useEffect, useState, type FormEvent } from 'react';
import type { DutyPersonRecord, HandoverRecord } from '../../../core/contract/dutyShared';
import { plain } from '../../format/safe';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';
import { useDutyQuery, useDutyWrite } from './store';
import { full, useZone } from './format';
import { PersonSelect, useDefaultRecorder } from './signers';

/** The first of a team who stands watch as an officer (the team lists the leader first). */
const officerOf = (team: string[], people: DutyPersonRecord[], except = '') =>
  team.find((name) => name !== except && people.some((p) => p.active && p.name === name && p.roles.includes('officer'))) ?? '';

function Signatures({ record, incomingTeam, leaderName, people }: { record: HandoverRecord; incomingTeam: string[]; leaderName: string | null; people: DutyPersonRecord[] | undefined }) {
  const t = useT();
  const zone = useZone();
  const write = useDutyWrite();
  const [ackBy, setAckBy] = useState('');
  const [leader, setLeader] = useState('');
  // The incoming officer and the day's leader are the expected signers; either can be changed.
  useEffect(() => {
    if (!people) return;
    setAckBy((v) => v || officerOf(incomingTeam, people, record.outgoingSignedBy));
    setLeader((v) => v || (people.some((p) => p.active && p.name === leaderName && p.roles.includes('leader')) ? (leaderName ?? '') : ''));
  }, [people, incomingTeam, leaderName, record.outgoingSignedBy]);
  return (
    <div className="stack" data-testid="handover-signatures">
      <p>{t('duty.hand.signedBy', { name: record.outgoingSignedBy, at: plain(full(record.outgoingSignedAtMs, zone)) })}</p>
      {record.incomingAckBy ? (
        <p data-testid="handover-acked">{t('duty.hand.ackedBy', { name: record.incomingAckBy, at: plain(full(record.incomingAckAtMs, zone)) })}</p>
      ) : (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void write('duty.acknowledgeHandover', { id: record.id, acknowledgedBy: ackBy }))}>
          <PersonSelect name="ackBy" label={t('duty.hand.incomingName')} value={ackBy} onChange={setAckBy} people={people} testId="handover-ack-by" />
          <button type="submit" className="primary" data-testid="handover-ack">
            {t('duty.hand.acknowledge')}
          </button>
        </form>
      )}
      {record.leaderSignedBy ? (
        <p data-testid="handover-leader">{t('duty.hand.leaderSigned', { name: record.leaderSignedBy, at: plain(full(record.leaderSignedAtMs, zone)) })}</p>
      ) : (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void write('duty.leaderSignOff', { id: record.id, leaderName: leader }))}>
          <PersonSelect name="leaderName" label={t('duty.hand.leaderName')} value={leader} onChange={setLeader} people={people} role="leader" testId="handover-leader-by" />
          <button type="submit" data-testid="handover-leader-sign">
            {t('duty.hand.leaderSign')}
          </button>
        </form>
      )}
    </div>
  );
}

/** The 08:00 handover: drafted from the records, edited, signed, acknowledged, signed off. */
export default function HandoverTab() {
  const t = useT();
  const zone = useZone();
  const lang = useUi((s) => s.lang) === 'zh-CN' ? 'zh' : 'en';
  const write = useDutyWrite();
  const [day, setDay] = useState<string | undefined>(undefined);
  const view = useDutyQuery('duty.handover', { outgoingDay: day, lang });
  const list = useDutyQuery('duty.listHandovers', { limit: 14 });
  const people = useDutyQuery('duty.listPeople', { includeInactive: false }).data;
  const recorder = useDefaultRecorder();
  const [text, setText] = useState('');
  // Any duty write reloads the handover (a new log entry changes the draft); text the officer is
  // still typing must survive that, so the form follows the records only while it is untouched.
  const [edited, setEdited] = useState(false);
  const [signedBy, setSignedBy] = useState('');
  const data = view.data;

  useEffect(() => {
    if (!data || edited) return;
    setText(data.record?.text ?? data.savedDraft?.text ?? data.draft.text[lang]);
  }, [data, lang, edited]);

  // The officer at the keyboard signs when they belong to the outgoing team, else its first officer.
  useEffect(() => {
    if (!data || !people) return;
    setSignedBy((s) => s || (data.outgoingTeam.includes(recorder) && people.some((p) => p.active && p.name === recorder) ? recorder : officerOf(data.outgoingTeam, people)));
  }, [data, people, recorder]);

  function editText(value: string) {
    setText(value);
    setEdited(true);
  }

  async function sign(e: FormEvent) {
    e.preventDefault();
    if (data && (await write('duty.signHandover', { outgoingDay: data.outgoingDay, lang, text, signedBy }))) setEdited(false);
  }

  async function saveDraft() {
    if (!data) return;
    const saved = await write('duty.saveHandoverDraft', { outgoingDay: data.outgoingDay, lang, text, expectedVersion: data.savedDraft?.version ?? null });
    // Someone else saved in between: the banner says so; the officer's text stays until they choose.
    if (!saved) view.reload();
  }

  return (
    <div className="duty-handover grid-2">
      <section className="card span-2 toolbar">
        <label>
          {t('duty.hand.outgoingDay')}
          <input type="date" value={day ?? data?.outgoingDay ?? ''} onChange={(e) => (setDay(e.target.value || undefined), setEdited(false))} />
        </label>
        {data && <span>{t('duty.hand.days', { from: data.outgoingDay, to: data.incomingDay })}</span>}
        {data?.due && <span className="pill danger">{t('duty.hand.due')}</span>}
      </section>
      {data && (
        <>
          <section className="card" aria-labelledby="draft-title">
            <h2 id="draft-title">{t('duty.hand.carried')}</h2>
            <ul className="handover-sections" data-testid="handover-sections">
              {data.draft.sections.map((s) => (
                <li key={s.key} data-key={s.key}>
                  <strong>{s.title[lang]}</strong> <span className={`pill${s.count ? ' attention' : ''}`}>{s.count}</span>
                  <ul>
                    {s.items.map((item, i) => (
                      <li key={item.ref ?? i}>{item.text[lang]}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            <p className="muted">
              {t('duty.hand.teams', { out: data.outgoingTeam.join(t('common.listSep')) || '—', in: data.incomingTeam.join(t('common.listSep')) || '—' })}
            </p>
          </section>
          <section className="card stack" aria-labelledby="sign-title">
            <h2 id="sign-title">{data.record ? t('duty.hand.signedTitle') : t('duty.hand.signTitle')}</h2>
            {data.record ? (
              <>
                <pre className="handover-text" data-testid="handover-text">
                  {data.record.text}
                </pre>
                <Signatures record={data.record} incomingTeam={data.incomingTeam} leaderName={data.leaderName} people={people} />
              </>
            ) : (
              <form className="stack" onSubmit={sign}>
                <label>
                  {t('duty.hand.text')}
                  <textarea name="handoverText" rows={16} value={text} onChange={(e) => editText(e.target.value)} />
                </label>
                <div className="form-actions">
                  <button type="button" onClick={saveDraft} disabled={!text.trim()} data-testid="handover-save-draft">
                    {t('duty.hand.saveDraft')}
                  </button>
                  <button type="button" onClick={() => editText(data.draft.text[lang])}>
                    {t('duty.hand.resetDraft')}
                  </button>
                  <span className="muted" role="status" data-testid="handover-draft-status">
                    {data.savedDraft
                      ? t('duty.hand.draftSaved', { at: plain(full(data.savedDraft.savedAtMs, zone)), name: data.savedDraft.savedBy })
                      : t('duty.hand.draftNotSaved')}
                  </span>
                </div>
                <div className="form-actions">
                  <PersonSelect name="signedBy" label={t('duty.hand.outgoingName')} value={signedBy} onChange={setSignedBy} people={people} testId="handover-signed-by" />
                  <button type="submit" className="primary" data-testid="handover-sign">
                    {t('duty.hand.sign')}
                  </button>
                </div>
              </form>
            )}
          </section>
        </>
      )}
      <section className="card span-2" aria-labelledby="handover-list-title">
        <h2 id="handover-list-title">{t('duty.hand.recent')}</h2>
        <ul className="changes">
          {list.data?.map((h) => (
            <li key={h.id}>
              <button type="button" className="ghost" onClick={() => setDay(h.outgoingDay)}>
                {h.outgoingDay} → {h.incomingDay}
              </button>{' '}
              {h.outgoingSignedBy} / {h.incomingAckBy ?? t('duty.hand.notAcked')} / {h.leaderSignedBy ?? t('duty.hand.noLeader')}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
