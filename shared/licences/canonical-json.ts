/**
 * Deterministic JSON for signing (RFC 8785-like): object keys sorted by UTF-16 code units at every
 * level, no whitespace, strings escaped exactly as JSON.stringify does, numbers in ECMAScript's
 * shortest round-trip form. Anything JSON cannot carry faithfully is refused rather than silently
 * dropped or coerced, because a signature over a lossy rendering would sign something else.
 * Money never appears as a number here: documents carry it as decimal strings.
 */

export class CanonicalJsonError extends Error {
  readonly path: string;
  constructor(message: string, path: string) {
    super(`${message} at ${path || '(root)'}`);
    this.name = 'CanonicalJsonError';
    this.path = path;
  }
}

const isPlainObject = (v: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

const write = (value: unknown, path: string, seen: Set<object>): string => {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('Non-finite number', path);
      // JSON.stringify renders -0 as "0" and otherwise the shortest round-trip form, as RFC 8785 asks.
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`Unsupported value of type ${typeof value}`, path);
  }
  if (seen.has(value)) throw new CanonicalJsonError('Cyclic structure', path);
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let i = 0; i < value.length; i += 1) {
        // A hole reads as undefined and is refused like any undefined.
        items.push(write(value[i], `${path}[${i}]`, seen));
      }
      return `[${items.join(',')}]`;
    }
    if (!isPlainObject(value)) throw new CanonicalJsonError('Only plain objects are allowed', path);
    const record = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
    const keys = Object.keys(record).sort();
    const members = keys.map(
      (k) => `${JSON.stringify(k)}:${write(record[k], path ? `${path}.${k}` : k, seen)}`,
    );
    return `{${members.join(',')}}`;
  } finally {
    seen.delete(value);
  }
};

/** Canonical text of `value`; throws CanonicalJsonError for undefined, non-finite numbers, cycles, etc. */
export const canonicalJson = (value: unknown): string => write(value, '', new Set());

/** UTF-8 bytes of the canonical text: what gets hashed. */
export const canonicalJsonBytes = (value: unknown): Uint8Array =>
  new TextEncoder().encode(canonicalJson(value));
