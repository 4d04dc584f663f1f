/**
 * The platform's test clock (SHANGTONG_CLOCK_START, never in production): starts at a given
 * instant, runs at the real pace, and can be moved forward by the development clock control
 * (`POST /api/v1/dev/clock`) so an end-to-end test can cross a 20-day notice without waiting.
 */
export type TestClock = {
  now: () => Date;
  /** Moves the clock forward (never back: expiry rules assume time only grows). */
  advance: (ms: number) => Date;
};

export const testClock = (start: Date, realNow: () => number = Date.now): TestClock => {
  let offset = start.getTime() - realNow();
  return {
    now: () => new Date(realNow() + offset),
    advance: (ms) => {
      offset += Math.max(0, ms);
      return new Date(realNow() + offset);
    },
  };
};
