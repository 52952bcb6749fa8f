import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import './ChecklistRows.css';

export interface ChecklistTexts {
  zh: string;
  en: string;
  item(n: number): string;
  up(n: number): string;
  down(n: number): string;
  remove(n: number): string;
  add: string;
  keys: string;
}

interface Props<T> {
  items: T[];
  onChange(items: T[]): void;
  zhOf(item: T): string;
  enOf(item: T): string;
  withLabels(item: T, labels: { zh?: string; en?: string }): T;
  /** A new blank row; its stored key is made by the caller, never typed. */
  blank(items: T[]): T;
  texts: ChecklistTexts;
  /** Further cells of a row (kind, required…). */
  extra?(item: T, index: number, edit: (item: T) => void): ReactNode;
  testId?: string;
}

/**
 * A checklist edited a row per item: Chinese and English names, moved with buttons or Alt+↑/↓
 * from a name field (focus follows the row), added and removed. The stored key stays hidden:
 * results are kept by key, so renaming an item must not make it a different item.
 */
export function ChecklistRows<T>({ items, onChange, zhOf, enOf, withLabels, blank, texts, extra, testId }: Props<T>) {
  const table = useRef<HTMLTableSectionElement>(null);

  const focusRow = (index: number, column = 0) =>
    // After React has drawn the moved rows.
    requestAnimationFrame(() => table.current?.rows[index]?.querySelectorAll<HTMLElement>('input, select, button')[column]?.focus());

  function move(from: number, to: number, column = 0) {
    if (to < 0 || to >= items.length) return;
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(next);
    focusRow(to, column);
  }

  const set = (index: number, item: T) => onChange(items.map((old, i) => (i === index ? item : old)));

  const moveKeys = (index: number, column: number) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(index, e.key === 'ArrowUp' ? index - 1 : index + 1, column);
  };

  return (
    <div className="checklist-rows" data-testid={testId}>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{texts.zh}</th>
            <th scope="col">{texts.en}</th>
            {extra && <th scope="col" />}
            <th scope="col" />
          </tr>
        </thead>
        <tbody ref={table}>
          {items.map((item, i) => (
            <tr key={i}>
              <td className="muted">{i + 1}</td>
              <td>
                <input
                  name="itemZh"
                  lang="zh-CN"
                  aria-label={`${texts.item(i + 1)} ${texts.zh}`}
                  maxLength={40}
                  value={zhOf(item)}
                  onChange={(e) => set(i, withLabels(item, { zh: e.target.value }))}
                  onKeyDown={moveKeys(i, 0)}
                />
              </td>
              <td>
                <input
                  name="itemEn"
                  aria-label={`${texts.item(i + 1)} ${texts.en}`}
                  maxLength={80}
                  value={enOf(item)}
                  onChange={(e) => set(i, withLabels(item, { en: e.target.value }))}
                  onKeyDown={moveKeys(i, 1)}
                />
              </td>
              {extra && <td>{extra(item, i, (next) => set(i, next))}</td>}
              <td className="checklist-row-actions">
                <button type="button" className="ghost" aria-label={texts.up(i + 1)} title={texts.up(i + 1)} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  ↑
                </button>
                <button type="button" className="ghost" aria-label={texts.down(i + 1)} title={texts.down(i + 1)} disabled={i === items.length - 1} onClick={() => move(i, i + 1)}>
                  ↓
                </button>
                <button
                  type="button"
                  className="ghost"
                  aria-label={texts.remove(i + 1)}
                  title={texts.remove(i + 1)}
                  onClick={() => {
                    onChange(items.filter((_, j) => j !== i));
                    focusRow(Math.min(i, items.length - 2));
                  }}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button
          type="button"
          onClick={() => {
            onChange([...items, blank(items)]);
            focusRow(items.length);
          }}
        >
          {texts.add}
        </button>
        <span className="muted">{texts.keys}</span>
      </div>
    </div>
  );
}

/** The first `prefix_N` not yet used, for a new row's hidden key. */
export function freshKey(used: Iterable<string>, prefix = 'item'): string {
  const taken = new Set(used);
  let n = 1;
  while (taken.has(`${prefix}_${n}`)) n += 1;
  return `${prefix}_${n}`;
}
