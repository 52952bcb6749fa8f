import { useCallback, useEffect, useRef } from 'react';
import type { EventRecord } from '../../core/contract/system';
import { eventDisplayName, type EventNameParts } from '../../core/domain/events/name';
import { useQuery } from '../api/hooks';
import { useT } from '../i18n';
import { useStatus } from '../store/status';
import { useUi } from '../store/ui';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const whole = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/**
 * The event's name in the reader's language (2023年第9号台风“苏拉” / Typhoon Saola (2309)).
 * Fields are read defensively: a row from another office's file may hold anything.
 */
export function useEventName(): (event: Partial<EventNameParts>) => string {
  const lang = useUi((s) => s.lang);
  return useCallback(
    (e: Partial<EventNameParts>) =>
      eventDisplayName(
        { kind: text(e.kind), name: text(e.name), nameEn: text(e.nameEn), typhoonYear: whole(e.typhoonYear), typhoonNumber: whole(e.typhoonNumber) },
        lang === 'en' ? 'en' : 'zh',
      ),
    [lang],
  );
}

interface Props {
  /** The chosen event's id; null for the empty choice. */
  value: string | null;
  onChange(id: string | null): void;
  /** The label of the empty choice (no event, all events); without it an event must be chosen. */
  emptyLabel?: string;
  /** Start on the current open event (else the newest) when nothing is chosen yet. */
  defaultToOpen?: boolean;
  /** Events that cannot be chosen here stay listed, greyed. */
  isDisabled?(event: EventRecord): boolean;
  label?: string;
  name?: string;
  testId?: string;
  className?: string;
}

/**
 * The one way to choose a named event, wherever records are grouped by one: newest first (as
 * events.list gives them), open ones marked, starting on the event in the status bar.
 */
export function EventPicker({ value, onChange, emptyLabel, defaultToOpen = false, isDisabled, label, name = 'event', testId, className }: Props) {
  const t = useT();
  const nameOf = useEventName();
  const openId = useStatus((s) => s.status?.openEvent?.id ?? null);
  // Reloaded when the open event changes (the status bar follows every write), so a new event is listed.
  const events = useQuery('events.list', { includeEnded: true }, `events#${openId}`).data;
  // Only the first time the list arrives: a user who later picks the empty choice keeps it.
  const defaulted = useRef(!defaultToOpen);
  useEffect(() => {
    if (defaulted.current || !events) return;
    defaulted.current = true;
    if (value !== null) return;
    const usable = events.filter((e) => !isDisabled?.(e));
    const chosen = usable.find((e) => e.id === openId) ?? usable.find((e) => e.endedAtMs === null) ?? (emptyLabel === undefined ? usable[0] : undefined);
    if (chosen) onChange(chosen.id);
  }, [events, value, openId, emptyLabel, isDisabled, onChange]);

  return (
    <label className={className}>
      {label ?? t('events.pick')}
      <select name={name} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid={testId} disabled={events !== undefined && !events.length && emptyLabel === undefined}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {events?.map((e) => {
          const shown = nameOf(e);
          return (
            <option key={e.id} value={e.id} disabled={isDisabled?.(e)} data-open={e.endedAtMs === null || undefined}>
              {e.endedAtMs === null ? t('events.pickOpen', { name: shown }) : shown}
            </option>
          );
        })}
      </select>
    </label>
  );
}
