import { z } from 'zod';
import { MIN_HEIGHT, MIN_WIDTH, type WindowBounds } from './guards/window-options';
import { readJsonFile, writeJsonFile } from './json-file';

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(MIN_WIDTH).max(20_000),
  height: z.number().int().min(MIN_HEIGHT).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export type Rect = { x: number; y: number; width: number; height: number };

export const DEFAULT_STATE: WindowState = { width: 1280, height: 860, maximized: false };

/** At least this much of the title bar must be on a display for the saved position to be used. */
const VISIBLE_MARGIN = 64;

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x + VISIBLE_MARGIN <= b.x + b.width &&
  b.x + VISIBLE_MARGIN <= a.x + a.width &&
  a.y >= b.y &&
  a.y + VISIBLE_MARGIN <= b.y + b.height;

/**
 * The bounds to open with: the saved ones when they still land on a connected display (monitors
 * get unplugged), otherwise the saved size centred by the OS, shrunk to fit the largest display.
 */
export const fitToDisplays = (state: WindowState, workAreas: readonly Rect[]): WindowBounds => {
  const largest = workAreas.reduce<Rect | undefined>(
    (best, r) => (best === undefined || r.width * r.height > best.width * best.height ? r : best),
    undefined,
  );
  const width = largest ? Math.max(MIN_WIDTH, Math.min(state.width, largest.width)) : state.width;
  const height = largest ? Math.max(MIN_HEIGHT, Math.min(state.height, largest.height)) : state.height;
  if (state.x === undefined || state.y === undefined) return { width, height };
  const rect = { x: state.x, y: state.y, width, height };
  return workAreas.some((area) => overlaps(rect, area)) ? rect : { width, height };
};

export const loadWindowState = (file: string): WindowState =>
  readJsonFile(file, WindowState) ?? DEFAULT_STATE;

export const saveWindowState = (file: string, bounds: Rect, maximized: boolean): void => {
  const state = WindowState.safeParse({ ...bounds, maximized });
  if (state.success) writeJsonFile(file, state.data);
};
