/**
 * The file name the platform chose (Content-Disposition `filename*`, in the reader's language and
 * with the data's own date), else the plain `filename`, else the caller's fallback.
 */
export const fileNameFrom = (contentDisposition: string | null, fallback: string): string => {
  if (!contentDisposition) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition)?.[1];
  if (encoded) {
    try {
      const name = decodeURIComponent(encoded.trim());
      if (name) return name;
    } catch {
      // A malformed encoding: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"/i.exec(contentDisposition)?.[1];
  return plain ?? fallback;
};
