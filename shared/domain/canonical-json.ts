/**
 * Canonical JSON in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, numbers as ECMAScript writes them (which is what JCS specifies for finite doubles),
 * strings escaped as JSON.stringify does. Used for everything that is hashed or signed (schemes,
 * decisions), so the workstation and the registry produce identical bytes for identical content.
 *
 * Stricter than JSON.stringify on purpose: undefined, NaN, ±Infinity, functions, symbols, bigint,
 * lone surrogates and non-plain objects (Date, Map, class instances) throw instead of being dropped or
 * coerced, because a silently different payload would make a signature fail far from its cause.
 */
export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`canonical JSON: ${reason} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function encode(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError(path, 'lone surrogate in string');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `non-finite number ${value}`);
      // JSON.stringify of a finite number is ECMAScript Number::toString, with -0 written as 0 (as JCS wants).
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (let i = 0; i < value.length; i += 1) {
          if (!(i in value)) throw new CanonicalJsonError(`${path}[${i}]`, 'sparse array');
          items.push(encode(value[i], `${path}[${i}]`));
        }
        return `[${items.join(',')}]`;
      }
      if (!isPlainObject(value)) throw new CanonicalJsonError(path, 'not a plain object');
      return encodeObject(value as Record<string, unknown>, path);
    default:
      throw new CanonicalJsonError(path, `unsupported ${typeof value}`);
  }
}

function encodeObject(value: Record<string, unknown>, path: string): string {
  // Default sort compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 prescribes.
  const keys = Object.keys(value).sort();
  const members = keys.map((key) => `${encode(key, path)}:${encode(value[key], `${path}.${key}`)}`);
  return `{${members.join(',')}}`;
}

export function canonicalJson(value: unknown): string {
  return encode(value, '$');
}
