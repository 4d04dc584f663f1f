/** `attachment; filename*=` with the UTF-8 name (Chinese) and an ASCII fallback. */
export const attachment = (fileName: string, fallback: string): string =>
  `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
