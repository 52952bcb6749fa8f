import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { logChannels, type LogChannel, type LogEntry } from '../../../core/contract/dutyShared';
import { isBackDated } from '../../../core/domain/duty/logTime';
import { EventPicker } from '../../components/EventPicker';
import { plain } from '../../format/safe';
import { useT } from '../../i18n';
import { useStatus } from '../../store/status';
import { useDutyWrite } from './store';
import { full, fromLocalInput, hm, toLocalInput, useNow, useZone } from './format';
import { useDefaultRecorder } from './signers';

interface Draft {
  channel: LogChannel;
  fromName: string;
  fromUnit: string;
  content: string;
  actionTaken: string;
  forwardedTo: string;
  result: string;
  closed: boolean;
}

const EMPTY: Omit<Draft, 'channel'> = { fromName: '', fromUnit: '', content: '', actionTaken: '', forwardedTo: '', result: '', closed: false };

/**
 * The night's fast path: every field by keyboard, Ctrl+Enter saves from anywhere in the form,
 * and focus goes back to the first field for the next call. The time stays "now" until typed.
 */
export function LogForm({ followUp, onFollowUpDone }: { followUp: LogEntry | null; onFollowUpDone(): void }) {
  const t = useT();
  const zone = useZone();
  const now = useNow(15_000);
  const save = useDutyWrite();
  const boundary = useStatus((s) => s.status?.dutyDayStart ?? '08:00');
  const defaultRecorder = useDefaultRecorder();
  // Starts on the current event, as the call most likely belongs to it; kept for the next call.
  const [eventId, setEventId] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  const [draft, setDraft] = useState<Draft>({ channel: 'phone', ...EMPTY });
  const [time, setTime] = useState<string | null>(null);
  // null until typed: the field shows who will be recorded, and follows the rota at a change of shift.
  const [recordedBy, setRecordedBy] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  // A typed time far from now is asked about once before saving: a wrong year is easy to type and hard to find later.
  const [asking, setAsking] = useState<number | null>(null);

  useEffect(() => {
    if (followUp) {
      setDraft((d) => ({ ...d, fromName: followUp.fromName, fromUnit: followUp.fromUnit }));
      first.current?.focus();
    }
  }, [followUp]);

  const field = <K extends keyof Draft>(key: K) => ({
    name: key,
    value: draft[key] as string,
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });

  async function submit(e?: FormEvent, confirmed = false) {
    e?.preventDefault();
    if (busy || !draft.content.trim()) return;
    const receivedAtMs = time === null ? undefined : fromLocalInput(time, zone);
    if (receivedAtMs !== undefined && !confirmed && isBackDated(receivedAtMs, Date.now(), boundary, zone)) return setAsking(receivedAtMs);
    setAsking(null);
    setBusy(true);
    const { closed, ...fields } = draft;
    const entry = await save('duty.logEntry', {
      ...fields,
      status: closed ? 'closed' : 'open',
      receivedAtMs,
      recordedBy: (recordedBy ?? defaultRecorder) || undefined,
      followUpOf: followUp?.entryId ?? null,
      eventId,
    });
    setBusy(false);
    if (entry) {
      setDraft((d) => ({ channel: d.channel, ...EMPTY }));
      setTime(null);
      setSavedAt(entry.receivedAtMs);
      onFollowUpDone();
    }
    first.current?.focus();
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <form className="card duty-log-form" onSubmit={submit} onKeyDown={onKeyDown} aria-labelledby="log-form-title" data-testid="log-form">
      <h2 id="log-form-title">
        {followUp ? t('duty.log.followUpTitle', { content: followUp.content.slice(0, 30) }) : t('duty.log.newTitle')}
        <small className="muted"> {t('duty.log.shortcut')}</small>
      </h2>
      <label className="third">
        {t('duty.log.channel')}
        <select ref={first} autoFocus {...field('channel')}>
          {logChannels.map((c) => (
            <option key={c} value={c}>
              {t(`duty.channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="third">
        {t('duty.log.fromName')}
        <input maxLength={50} {...field('fromName')} />
      </label>
      <label className="third">
        {t('duty.log.fromUnit')}
        <input maxLength={100} {...field('fromUnit')} />
      </label>
      <label className="wide">
        {t('duty.log.content')}
        <textarea required rows={3} maxLength={5000} {...field('content')} />
      </label>
      <label className="wide">
        {t('duty.log.actionTaken')}
        <input maxLength={2000} {...field('actionTaken')} />
      </label>
      <label className="half">
        {t('duty.log.forwardedTo')}
        <input maxLength={200} {...field('forwardedTo')} />
      </label>
      <label className="half">
        {t('duty.log.result')}
        <input maxLength={2000} {...field('result')} />
      </label>
      <label className="half">
        {t('duty.log.receivedAt')}
        <input
          name="receivedAt"
          type="datetime-local"
          value={time ?? toLocalInput(now, zone)}
          onChange={(e) => {
            setAsking(null);
            setTime(e.target.value);
          }}
        />
      </label>
      <label className="half">
        {t('duty.log.recordedBy')}
        <input name="recordedBy" maxLength={50} value={recordedBy ?? defaultRecorder} onChange={(e) => setRecordedBy(e.target.value)} />
      </label>
      <EventPicker className="half" value={eventId} onChange={setEventId} emptyLabel={t('events.pickNone')} defaultToOpen testId="log-event" />
      <label className="check half">
        <input type="checkbox" name="closed" checked={draft.closed} onChange={(e) => setDraft((d) => ({ ...d, closed: e.target.checked }))} />
        {t('duty.log.closedNow')}
      </label>
      <div className="form-actions">
        {asking !== null && (
          <div className="confirm-panel" role="alertdialog" aria-labelledby="log-confirm-text" data-testid="log-confirm-time">
            <p id="log-confirm-text">{t('duty.log.confirmPastAsk', { time: plain(full(asking, zone)) })}</p>
            <button type="button" className="primary" autoFocus onClick={() => void submit(undefined, true)}>
              {t('duty.log.confirmPast')}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </button>
          </div>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('duty.log.save')}
        </button>
        {followUp && (
          <button type="button" onClick={onFollowUpDone}>
            {t('duty.log.cancelFollowUp')}
          </button>
        )}
        {savedAt !== null && (
          <span role="status" data-testid="log-saved">
            {t('duty.log.saved', { time: plain(hm(savedAt, zone)) })}
          </span>
        )}
      </div>
    </form>
  );
}
