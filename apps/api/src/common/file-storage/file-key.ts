/** The types the API stores, by the extension their keys end in: a key names how its file is served. */
const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** `<owner>/<id>.<extension>`: the only shape of key the API writes, and so the only one it serves. */
const FILE_KEY = new RegExp(`^${UUID}/${UUID}\\.(${Object.keys(CONTENT_TYPES).join('|')})$`);
/** One name in a stored path: not empty, no backslash or control character; `.` and `..` are checked apart. */
// eslint-disable-next-line no-control-regex
const PATH_SEGMENT = /^[^\\\x00-\x1f\x7f]{1,255}$/;

/** The key of file `fileId` (a random UUID: nobody can guess or choose it) that `ownerId` (an organisation, a user) uploads. */
export function fileKey(ownerId: string, fileId: string, extension: string): string {
  const key = `${ownerId.toLowerCase()}/${fileId.toLowerCase()}.${extension}`;
  if (!FILE_KEY.test(key)) throw new Error(`no file key can be made of "${ownerId}", "${fileId}" and "${extension}"`);
  return key;
}

/**
 * The content type of the file under a key the API writes; undefined for anything else (a path
 * with `..`, an absolute path, a name the API never gave out), which is then never looked up.
 */
export function fileKeyType(key: string): string | undefined {
  const match = FILE_KEY.exec(key);
  return match ? CONTENT_TYPES[match[1]!] : undefined;
}

/**
 * Refuses a key that could reach outside the storage (`..`, an absolute path, a backslash) before any
 * backend sees it. Looser than a file key: stray files the sweep removes may have any name.
 */
export function assertStoragePath(key: string): void {
  const segments = key.split('/');
  if (!segments.every((segment) => PATH_SEGMENT.test(segment) && segment !== '.' && segment !== '..')) {
    throw new Error(`"${key}" is not a path inside the storage`);
  }
}

/** Refuses to store a file under a key the API would not write, or as a type its key does not name. */
export function assertStorable(key: string, contentType: string): void {
  const named = fileKeyType(key);
  if (!named) throw new Error(`"${key}" is not a file key (<owner>/<id>.<extension>)`);
  if (named !== contentType) throw new Error(`"${key}" names ${named}, not ${contentType}`);
}
