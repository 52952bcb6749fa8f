import { useEffect, useState } from 'react';
import { logChannels, type LogEntry } from '../../../core/contract/dutyShared';
import { EventPicker } from '../../components/EventPicker';
import { StoredRow } from '../../components/ErrorBoundary';
import { useT } from '../../i18n';
import { LogDetail } from './LogDetail';
import { LogForm } from './LogForm';
import { LogList, type LogFilter } from './LogList';

/** Waits for typing to pause before searching, so each keystroke does not query 200k rows. */
function useDebounced<T>(value: T, ms = 250): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

export function LogTab() {
  const t = useT();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Omit<LogFilter, 'query'>>({});
  const [selected, setSelected] = useState<LogEntry | null>(null);
  const [followUp, setFollowUp] = useState<LogEntry | null>(null);
  const debounced = useDebounced(query);

  const set = (key: keyof typeof filter) => (e: { target: { value: string } }) =>
    setFilter((f) => ({ ...f, [key]: e.target.value || undefined }));

  return (
    <div className="duty-log">
      <LogForm followUp={followUp} onFollowUpDone={() => setFollowUp(null)} />
      <div className="duty-log-side">
        <div className="card duty-filters" role="search">
          <label className="grow">
            {t('duty.log.search')}
            <input type="search" name="query" value={query} placeholder={t('duty.log.searchHint')} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <label>
            {t('duty.log.fromDay')}
            <input type="date" name="fromDay" value={filter.fromDay ?? ''} onChange={set('fromDay')} />
          </label>
          <label>
            {t('duty.log.toDay')}
            <input type="date" name="toDay" value={filter.toDay ?? ''} onChange={set('toDay')} />
          </label>
          <label>
            {t('duty.log.channel')}
            <select name="channelFilter" value={filter.channel ?? ''} onChange={set('channel')}>
              <option value="">{t('duty.all')}</option>
              {logChannels.map((c) => (
                <option key={c} value={c}>
                  {t(`duty.channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <EventPicker
            label={t('duty.log.eventFilter')}
            name="eventFilter"
            value={filter.eventId ?? null}
            onChange={(eventId) => setFilter((f) => ({ ...f, eventId: eventId ?? undefined }))}
            emptyLabel={t('duty.all')}
            testId="log-event-filter"
          />
          <label>
            {t('duty.log.statusFilter')}
            <select name="statusFilter" value={filter.status ?? ''} onChange={set('status')}>
              <option value="">{t('duty.all')}</option>
              <option value="open">{t('duty.status.open')}</option>
              <option value="closed">{t('duty.status.closed')}</option>
            </select>
          </label>
        </div>
        {selected && (
          <StoredRow key={selected.entryId} method="duty.logHistory" rowId={selected.entryId} as="div">
            {() => (
              <LogDetail entryId={selected.entryId} onClose={() => setSelected(null)} onFollowUp={(entry) => setFollowUp(entry)} />
            )}
          </StoredRow>
        )}
        <LogList filter={{ ...filter, query: debounced }} selected={selected?.entryId ?? null} onSelect={setSelected} />
      </div>
    </div>
  );
}
