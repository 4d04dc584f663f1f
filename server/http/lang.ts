import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../shared/text';

/** Chinese first: English only when the client asks for it. */
export const requestLang = (request: FastifyRequest): Lang => {
  const header = request.headers['x-lang'] ?? request.headers['accept-language'];
  const value = Array.isArray(header) ? header[0] : header;
  return value?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
};
