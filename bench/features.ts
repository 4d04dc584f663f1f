import type { Section } from './report';

/** Feature benchmarks (face, licences, tax, registration, firm batches), run after the platform ones. */
export const featureBenches: { name: string; fn: () => Promise<Section> | Section }[] = [];
