import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type ResolvedMedia =
  | { ok: true; file: string; size: number }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps a request path (still percent-encoded, relative to the media root) to a regular file inside `root`.
 * Refuses: undecodable escapes, NUL, backslashes, absolute or drive paths, any `..` segment (also when encoded),
 * and anything whose real path (symlinks followed) lies outside the real root.
 */
export function resolveMediaPath(root: string, encodedPath: string): ResolvedMedia {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' };
  // Backslashes are separators on Windows; refusing them keeps the rule the same on every platform.
  if (decoded.includes('\\')) return { ok: false, status: 400, reason: 'backslash in path' };
  // The caller strips the route prefix; whatever is left must be relative. A leading slash (even encoded) or a
  // drive letter means someone is reaching for a path outside the folder.
  if (decoded.startsWith('/') || isAbsolute(decoded) || /^[a-zA-Z]:/.test(decoded)) {
    return { ok: false, status: 403, reason: 'absolute path' };
  }
  const relativePath = decoded;
  const segments = relativePath.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return { ok: false, status: 403, reason: 'dot segment' };
  }
  if (relativePath.length === 0) return { ok: false, status: 404, reason: 'no file named' };

  let realRoot: string;
  let realFile: string;
  try {
    realRoot = realpathSync(root);
    realFile = realpathSync(resolve(realRoot, relativePath));
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  if (!isInside(realRoot, realFile)) return { ok: false, status: 403, reason: 'outside the media folder' };
  const stat = statSync(realFile);
  if (!stat.isFile()) return { ok: false, status: 404, reason: 'not a file' };
  return { ok: true, file: realFile, size: stat.size };
}

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel.length > 0 && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
