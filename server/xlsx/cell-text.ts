/**
 * OOXML strings (ST_Xstring) carry characters XML 1.0 cannot hold as `_xHHHH_`; a literal
 * `_xHHHH_` is itself written with its underscore escaped (`_x005F_xHHHH_`).
 */
// eslint-disable-next-line no-control-regex
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

const hex = (c: string): string => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

export const encodeXstring = (s: string): string => s.replace(UNWRITABLE, hex);

export const decodeXstring = (s: string): string =>
  s.replace(ESCAPED, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
