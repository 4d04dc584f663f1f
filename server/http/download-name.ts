import type { LocalizedText } from '../../shared/text';
import { toTraditional } from '../text/traditional';
import type { DocumentLang } from './lang';

/** Characters a file name may not hold on Windows, macOS or Linux, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\\/:*?"<>|]+/g;

/**
 * `Content-Disposition: attachment` naming the file in the reader's language (the UTF-8 `filename*`
 * the browser uses) with an ASCII `filename` for old clients. The English name doubles as that
 * fallback, so it must be ASCII apart from any holder name (replaced by "-"). zh-HK (the reader's
 * own documents, see `documentLang`) names it in 繁體.
 */
export const attachmentIn = (lang: DocumentLang, name: LocalizedText): string => {
  const chosen = (lang === 'zh-HK' ? toTraditional(name.zh) : name[lang]).replace(UNSAFE, '-');
  const ascii = name.en.replace(UNSAFE, '-').replace(/[^\u0020-\u007e]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chosen)}`;
};
