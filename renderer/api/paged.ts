import { useEffect, useRef, useState } from 'react';

export interface PagedRows<Row> {
  /** Null until the first page has answered. */
  total: number | null;
  /** The row at `index`, if its page has arrived. */
  row(index: number): Row | undefined;
  /** Asks for the page holding `index * size`…: call it for the rows a virtual list shows. */
  load(page: number): void;
  /** Drops every page and starts again (after a change the list does not know about). */
  reload(): void;
}

/**
 * Pages of a long list fetched as they scroll into view, so 10k rows never travel at once. A new
 * `key` (the filter) starts afresh, and an answer to an older key is dropped when it arrives.
 */
export function usePagedRows<Row>(key: string, size: number, fetchPage: (offset: number) => Promise<{ total: number; rows: Row[] } | undefined>): PagedRows<Row> {
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, Row[]>>(new Map());
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const [version, setVersion] = useState(0);

  const load = (page: number) => {
    if (requested.current.has(page)) return;
    requested.current.add(page);
    const gen = generation.current;
    void fetchPage(page * size).then((result) => {
      if (!result || gen !== generation.current) return;
      setTotal(result.total);
      setPages((old) => new Map(old).set(page, result.rows));
    });
  };

  useEffect(() => {
    generation.current += 1;
    requested.current = new Set();
    setPages(new Map());
    setTotal(null);
    load(0);
  }, [key, version]);

  return { total, row: (index) => pages.get(Math.floor(index / size))?.[index % size], load, reload: () => setVersion((v) => v + 1) };
}
