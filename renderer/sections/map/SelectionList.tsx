import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useT } from '../../i18n';
import type { Feature } from './model';
import { TOGGLE_LABEL } from './style';

interface SelectionListProps {
  selection: Feature[];
  /** Hazard points in the selection: a patrol can be started through them. */
  hazardCount: number;
  onClose(): void;
  onFocus(f: Feature): void;
  onExport(): void;
  onPatrol(): void;
}

/** What a drawn polygon caught: a virtualised list (a polygon over 50k points is fine), export, a patrol. */
export function SelectionList({ selection, hazardCount, onClose, onFocus, onExport, onPatrol }: SelectionListProps) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({ count: selection.length, getScrollElement: () => scroller.current, estimateSize: () => 34, overscan: 8 });
  return (
    <section className="map-block" aria-labelledby="map-selection-title" data-testid="selection">
      <h2 id="map-selection-title">{t('map.selection.title', { count: selection.length })}</h2>
      <div className="map-tool-row">
        <button type="button" onClick={onExport} disabled={!selection.length} data-testid="export-selection">
          {t('map.selection.export')}
        </button>
        <button type="button" onClick={onPatrol} disabled={hazardCount === 0} title={hazardCount === 0 ? t('map.patrol.noHazards') : undefined} data-testid="start-patrol">
          {t('map.patrol.start.button', { count: hazardCount })}
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <div ref={scroller} className="map-selection-list">
        <ul style={{ height: rows.getTotalSize(), position: 'relative' }}>
          {rows.getVirtualItems().map((row) => {
            const f = selection[row.index];
            return (
              <li key={f.id} style={{ position: 'absolute', top: row.start, height: row.size, left: 0, right: 0 }}>
                <button type="button" className="ghost" onClick={() => onFocus(f)}>
                  {f.name} <small className="muted">{t(TOGGLE_LABEL[f.layer])}</small>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
