import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../shared/text';

const chosen = (request: FastifyRequest): string => {
  const header = request.headers['x-lang'] ?? request.headers['accept-language'];
  const value = Array.isArray(header) ? header[0] : header;
  return value?.trim().toLowerCase() ?? '';
};

/**
 * Chinese first: English only when the client asks for it. Messages go out in 简体 for zh-HK
 * readers too: the interface converts them (renderer/src/i18n/hong-kong.ts).
 */
export const requestLang = (request: FastifyRequest): Lang =>
  chosen(request).startsWith('en') ? 'en' : 'zh';

/** The language of a document the platform writes for the reader: zh-HK (also zh-MO, zh-TW, zh-Hant) is 繁體. */
export type DocumentLang = Lang | 'zh-HK';

/**
 * For the reader's own documents (receipts and their file names): 繁體 when the reader chose it.
 * Official records (licences, resolutions, articles) do not use this: they stay in 简体.
 */
export const documentLang = (request: FastifyRequest): DocumentLang => {
  const value = chosen(request);
  if (value.startsWith('en')) return 'en';
  return /^zh-(hk|mo|tw|hant)\b/.test(value) ? 'zh-HK' : 'zh';
};
