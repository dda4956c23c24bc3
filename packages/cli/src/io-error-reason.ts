/** Plain-language reasons for the file-system errors a user can cause with a path argument. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links in the path',
};

/**
 * Says why a file could not be read, in words (never a raw `ENOENT`).
 * @param err - the error thrown by a node:fs call
 * @returns e.g. "no such file or directory"
 */
export function ioErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && REASONS[code] !== undefined) {
    return REASONS[code];
  }
  return code === undefined ? 'it could not be read' : `it could not be read (${code})`;
}
