import { create } from 'zustand';
import { EventPicker } from '../../components/EventPicker';
import { useT } from '../../i18n';

/** The event the register is looking at, kept while moving between the list, a record and the totals. */
export const useDamageEvent = create<{ eventId: string | null; choose(id: string | null): void }>()((set) => ({
  eventId: null,
  choose: (eventId) => set({ eventId }),
}));

/** The section's own event choice (the list and the totals follow it), starting on the open event: damage is recorded while the storm is on. */
export function EventSelect() {
  const t = useT();
  const { eventId, choose } = useDamageEvent();
  return <EventPicker value={eventId} onChange={choose} defaultToOpen label={t('damage.event')} testId="dmg-event" className="dmg-event" />;
}
