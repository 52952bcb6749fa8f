import type { ReactElement } from 'react';
import { act, render, waitFor, type RenderResult } from '@testing-library/react';
import type { Result } from '../../core/errors';
import { ErrorBoundary } from '../../renderer/components/ErrorBoundary';

type Answer = (input: unknown) => unknown;

/** Every report of a part that failed to draw, as the backend would receive it. */
export const drawFailures: unknown[] = [];

/**
 * Stands in for the preload's bridge, so views load through the real client and hooks: each
 * method answers from `answers`; anything else is refused, as a method the view does not need.
 */
export function serve(answers: Record<string, Answer>): void {
  window.flooddesk = {
    call: async (method: string, input: unknown): Promise<Result<unknown>> => {
      if (method === 'system.logClientError') {
        drawFailures.push(input);
        return { ok: true, value: { ok: true } };
      }
      const answer = answers[method];
      return answer ? { ok: true, value: answer(input) } : { ok: false, error: { code: 'not_found', key: 'errors.unknownMethod', message: method } };
    },
  };
}

/** jsdom lays nothing out; the lists are virtual, so they need a viewport to draw rows into. */
export function giveElementsASize(): void {
  for (const [name, value] of [
    ['clientHeight', 900],
    ['clientWidth', 1400],
    ['offsetHeight', 44],
    ['offsetWidth', 1400],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  }
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
}

/** Draws a view as App does, inside its section's boundary, and waits until `ready` holds. */
export async function drawView(view: ReactElement, ready: (root: HTMLElement) => boolean): Promise<RenderResult> {
  const result = render(
    <ErrorBoundary area="test" title="boundary.section" name="nav.rain">
      {view}
    </ErrorBoundary>,
  );
  await waitFor(() => {
    if (!ready(result.container) && !result.container.querySelector('[data-testid="error-boundary"]')) throw new Error('still loading');
  });
  // One more turn for the follow-up queries (details, history) a loaded view starts.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return result;
}
