import type { ComponentType } from 'react';

/** Panels features add to the home page (what is due, renewal reminders, …), in order. */
export const homeWidgets: ComponentType[] = [];
