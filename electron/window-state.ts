import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(20000),
  height: z.number().int().min(480).max(20000),
  maximized: z.boolean().default(false),
});

export type WindowState = z.output<typeof stateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1440, height: 900, maximized: false };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A damaged or missing file just means the default size: never a reason not to start. */
export function loadWindowState(file: string, displays: Rect[]): WindowState {
  let state: WindowState;
  try {
    state = stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  // A monitor unplugged since last time would leave the window off screen.
  if (state.x !== undefined && state.y !== undefined && !displays.some((d) => overlaps(d, state as Rect))) {
    return { width: state.width, height: state.height, maximized: state.maximized };
  }
  return state;
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileSync(file, JSON.stringify(state));
}

function overlaps(display: Rect, window: Rect): boolean {
  return window.x < display.x + display.width && window.x + window.width > display.x && window.y < display.y + display.height && window.y + window.height > display.y;
}
