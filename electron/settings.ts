import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { text, type LocalizedText } from '../shared/text';
import { isLoopbackHost } from './guards/trusted-url';

/**
 * userData/settings.json, written by an administrator or the user:
 *   { "platformUrl": "https://platform.example.gov.cn" }  use a remote platform instead of the
 *                                                         embedded one (https; http only on loopback)
 *   { "demoSandbox": false }                               do not seed the demo sandbox on first run
 *                                                         (absent: a packaged app asks on first run)
 *   { "phoneAccess": true, "phonePort": 5171 }             the embedded platform also listens on the
 *                                                         LAN address, for the phone pages only
 */
const PlatformUrl = z
  .string()
  .max(2048)
  .refine((raw) => {
    try {
      const url = new URL(raw);
      if (url.username !== '' || url.password !== '') return false;
      if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
    } catch {
      return false;
    }
  })
  .transform((raw) => new URL(raw).origin);

export const DesktopSettings = z
  .object({
    platformUrl: PlatformUrl.optional(),
    /** Seed the demo sandbox on first run; absent: a packaged app asks (an unpackaged one seeds). */
    demoSandbox: z.boolean().optional(),
    /** Phones on the same network open approval, confirmation and verification links (docs/desktop.md). */
    phoneAccess: z.boolean().default(false),
    phonePort: z.number().int().min(1024).max(65535).default(5171),
  })
  .strict();
export type DesktopSettings = z.infer<typeof DesktopSettings>;

export type SettingsResult = { ok: true; settings: DesktopSettings } | { ok: false; problem: LocalizedText };

/** Reads settings; a missing file means defaults, a broken one is reported rather than ignored. */
export const readSettings = (file: string): SettingsResult => {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { ok: true, settings: DesktopSettings.parse({}) };
    return {
      ok: false,
      problem: text(`无法读取设置文件 ${file}。`, `Cannot read the settings file ${file}.`),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return {
      ok: false,
      problem: text(`设置文件 ${file} 不是有效的 JSON。`, `The settings file ${file} is not valid JSON.`),
    };
  }
  const parsed = DesktopSettings.safeParse(json);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    problem: text(
      `设置文件 ${file} 有误：platformUrl 必须是不带路径的 https 地址（http 仅限本机），只允许 platformUrl、demoSandbox、phoneAccess 和 phonePort。`,
      `The settings file ${file} is invalid: platformUrl must be an https origin without a path (http only for this computer); only platformUrl, demoSandbox, phoneAccess and phonePort are allowed.`,
    ),
  };
};
