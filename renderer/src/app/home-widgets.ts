import type { ComponentType } from 'react';

/** Panels features add to the home page (what is due, renewal reminders, …), in order. */
export const homeWidgets: ComponentType[] = [];

/** A reviewer's home instead: each feature's review queue with how many wait (no company panels). */
export const reviewerHomeWidgets: ComponentType[] = [];
