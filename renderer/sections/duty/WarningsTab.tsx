import { useState, type FormEvent } from 'react';
import { warningColours, warningTypes, type WarningRecord } from '../../../core/contract/dutyShared';
import { ROMAN, type ResponseLevel } from '../../../core/domain/duty/warnings';
import { StoredRow } from '../../components/ErrorBoundary';
import { EventPicker } from '../../components/EventPicker';
import { plain, safeEnumLabel, tableLabels, useCodeLabel } from '../../format/safe';
import { useT } from '../../i18n';
import { ExtensionPanel } from './ExtensionPanel';
import { useDutyQuery, useDutyWrite } from './store';
import { fromLocalInput, full, useZone } from './format';

const LEVELS: ResponseLevel[] = [4, 3, 2, 1];
const roman = (level: unknown) => plain(safeEnumLabel(level, tableLabels(ROMAN)));

function LiftForm({ warning }: { warning: WarningRecord }) {
  const t = useT();
  const write = useDutyWrite();
  const [liftedBy, setLiftedBy] = useState(warning.issuedBy);
  const [note, setNote] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void write('duty.liftWarning', { id: warning.id, liftedBy, note });
      }}
    >
      <input aria-label={t('duty.warn.liftedBy')} name="liftedBy" required value={liftedBy} onChange={(e) => setLiftedBy(e.target.value)} />
      <input aria-label={t('duty.warn.liftNote')} name="liftNote" placeholder={t('duty.warn.liftNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="danger" data-testid="lift-warning">
        {t('duty.warn.lift')}
      </button>
    </form>
  );
}

export default function WarningsTab() {
  const t = useT();
  const code = useCodeLabel();
  const zone = useZone();
  const write = useDutyWrite();
  // Shown and changeable, starting on the open event: a warning is grouped under the event it belongs to.
  const [eventId, setEventId] = useState<string | null>(null);
  const [responseEventId, setResponseEventId] = useState<string | null>(null);
  const overview = useDutyQuery('duty.warnings', { recentLimit: 50 });
  const [type, setType] = useState<(typeof warningTypes)[number]>('rainstorm');
  const [colour, setColour] = useState<(typeof warningColours)[number]>('blue');
  const [issuedBy, setIssuedBy] = useState('');
  const [issuedAt, setIssuedAt] = useState('');
  const [content, setContent] = useState('');
  const [level, setLevel] = useState<ResponseLevel>(4);
  const [declaredBy, setDeclaredBy] = useState('');

  async function issue(e: FormEvent) {
    e.preventDefault();
    const saved = await write('duty.issueWarning', { type, colour, issuedBy, content, issuedAtMs: issuedAt ? fromLocalInput(issuedAt, zone) : undefined, eventId });
    if (saved) {
      setContent('');
      setIssuedAt('');
    }
  }

  const data = overview.data;
  const current = data?.currentResponse;
  return (
    <div className="duty-warnings grid-2">
      <section className="card" aria-labelledby="active-title">
        <h2 id="active-title">{t('duty.warn.active')}</h2>
        {data && !data.active.length && <p className="muted">{t('status.noWarnings')}</p>}
        <ul className="warning-list" data-testid="active-warning-list">
          {data?.active.map((w) => (
            <li key={w.id} className={`warning-card border-${w.colour}`}>
              <span className={`pill warning-${w.colour}`}>
                {code('duty.warn.type', w.type)} {code('duty.warn.colour', w.colour)}
              </span>
              <span>
                {w.issuedBy} · {full(w.issuedAtMs, zone)}
              </span>
              {w.content && <p>{w.content}</p>}
              <LiftForm warning={w} />
            </li>
          ))}
        </ul>
      </section>

      <form className="card form-grid" onSubmit={issue} aria-labelledby="issue-title" data-testid="issue-warning-form">
        <h2 id="issue-title">{t('duty.warn.issueTitle')}</h2>
        <label>
          {t('duty.warn.type')}
          <select name="type" value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            {warningTypes.map((w) => (
              <option key={w} value={w}>
                {t(`duty.warn.type.${w}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('duty.warn.colour')}
          <select name="colour" value={colour} onChange={(e) => setColour(e.target.value as typeof colour)}>
            {warningColours.map((c) => (
              <option key={c} value={c}>
                {t(`duty.warn.colour.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('duty.warn.issuedBy')}
          <input name="issuedBy" required maxLength={100} value={issuedBy} onChange={(e) => setIssuedBy(e.target.value)} />
        </label>
        <label>
          {t('duty.warn.issuedAt')}
          <input name="issuedAt" type="datetime-local" value={issuedAt} onChange={(e) => setIssuedAt(e.target.value)} />
        </label>
        <label className="wide">
          {t('duty.warn.content')}
          <textarea name="content" rows={2} maxLength={2000} value={content} onChange={(e) => setContent(e.target.value)} />
        </label>
        <EventPicker className="wide" value={eventId} onChange={setEventId} emptyLabel={t('events.pickNone')} defaultToOpen testId="warning-event" />
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="issue-warning">
            {t('duty.warn.issue')}
          </button>
        </div>
      </form>

      <section className="card" aria-labelledby="response-title" data-testid="response-panel">
        <h2 id="response-title">{t('duty.resp.title')}</h2>
        <p className="big">
          {current ? t('duty.resp.current', { level: roman(current.level), by: current.declaredBy, at: plain(full(current.declaredAtMs, zone)) }) : t('duty.resp.none')}
        </p>
        {data?.suggestion && (
          <p className="suggestion">
            {t('duty.resp.suggestion', { level: roman(data.suggestion.level), colour: plain(code('duty.warn.colour', data.suggestion.colour)) })}
          </p>
        )}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void write('duty.declareResponse', { level, declaredBy, eventId: responseEventId });
          }}
        >
          <select aria-label={t('duty.resp.level')} value={level} onChange={(e) => setLevel(Number(e.target.value) as ResponseLevel)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t('duty.resp.levelName', { level: ROMAN[l] })}
              </option>
            ))}
          </select>
          <input aria-label={t('duty.resp.declaredBy')} placeholder={t('duty.resp.declaredBy')} required value={declaredBy} onChange={(e) => setDeclaredBy(e.target.value)} />
          <EventPicker value={responseEventId} onChange={setResponseEventId} emptyLabel={t('events.pickNone')} defaultToOpen name="responseEvent" testId="response-event" />
          <button type="submit">{t('duty.resp.declare')}</button>
          {current && (
            <button type="button" className="danger" onClick={() => write('duty.liftResponse', { id: current.id, liftedBy: declaredBy || current.declaredBy })}>
              {t('duty.resp.lift')}
            </button>
          )}
        </form>
      </section>

      <ExtensionPanel overview={data} />

      <section className="card span-2" aria-labelledby="recent-title">
        <h2 id="recent-title">{t('duty.warn.recent')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('duty.warn.signal')}</th>
              <th>{t('duty.warn.issuedBy')}</th>
              <th>{t('duty.warn.issuedAtShort')}</th>
              <th>{t('duty.warn.liftedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.recent.map((w) => (
              <StoredRow key={w.id} method="duty.warnings" rowId={w.id} as="tr" colSpan={4}>
                {() => (
                  <tr>
                    <td>
                      <span className={`pill warning-${w.colour}`}>
                        {code('duty.warn.type', w.type)} {code('duty.warn.colour', w.colour)}
                      </span>
                    </td>
                    <td>{w.issuedBy}</td>
                    <td>{full(w.issuedAtMs, zone)}</td>
                    <td>
                      {w.liftedAtMs ? (
                        <>
                          {full(w.liftedAtMs, zone)} {w.liftedBy}
                        </>
                      ) : (
                        t('duty.warn.inForce')
                      )}
                    </td>
                  </tr>
                )}
              </StoredRow>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
