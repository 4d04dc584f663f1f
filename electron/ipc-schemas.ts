import { z } from 'zod';
import type { LocalPreferences as LocalPreferencesType } from '../shared/desktop-api';

/** Argument schemas for each IPC channel, as tuples: extra or missing arguments are refused. */

/** Session tokens are opaque printable ASCII; the cap keeps a hostile page from filling the disk. */
export const SessionToken = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[\x21-\x7e]+$/);

export const LocalPreferences = z
  .object({ lang: z.enum(['zh', 'zh-HK', 'en']), elderMode: z.boolean() })
  .strict() satisfies z.ZodType<LocalPreferencesType>;

export const IpcArgs = {
  none: z.tuple([]),
  setSessionToken: z.tuple([SessionToken.nullable()]),
  setPreferences: z.tuple([LocalPreferences]),
  notify: z.tuple([z.string().min(1).max(200), z.string().max(1000)]),
  openExternal: z.tuple([z.string().min(1).max(2048)]),
} as const;
