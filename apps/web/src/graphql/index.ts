import { ref } from 'vue';
import { ApiError, createGqlClient, type RefreshLock, type TokenPair } from './client';
import { SessionCheckDocument } from './generated/graphql';

export { ApiError };
export type { ApiErrorShape, Gql, RequestOptions, TokenPair } from './client';

const STORAGE_KEY = 'xiangnong.session';

function readStored(): TokenPair | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<TokenPair>;
    return parsed.accessToken && parsed.refreshToken ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken } : null;
  } catch {
    return null;
  }
}

/** Reactive so the session store notices when a refresh fails and the tokens vanish. */
export const storedTokens = ref<TokenPair | null>(readStored());

const sameTokens = (a: TokenPair | null, b: TokenPair | null) => a?.accessToken === b?.accessToken && a?.refreshToken === b?.refreshToken;

/** What is stored now, which another tab may have changed (a refresh, logging in or out). */
function currentTokens(): TokenPair | null {
  const stored = readStored();
  if (!sameTokens(stored, storedTokens.value)) storedTokens.value = stored;
  return stored;
}

// Another tab logged in, refreshed or logged out: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) currentTokens();
  });
}

/** One refresh at a time across the browser's tabs, where the Web Locks API exists. */
const refreshLock: RefreshLock = async <T>(fn: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && navigator.locks ? ((await navigator.locks.request('xiangnong.refresh', fn)) as T) : fn();

/** The access token stored now (another tab may have renewed it); null when signed out. */
export function currentAccessToken(): string | null {
  return currentTokens()?.accessToken ?? null;
}

export function saveTokens(tokens: TokenPair | null): void {
  storedTokens.value = tokens;
  if (tokens) localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  else localStorage.removeItem(STORAGE_KEY);
}

export const gql = createGqlClient({
  fetch: (input, init) => fetch(input, init),
  tokens: { get: currentTokens, set: saveTokens },
  lock: refreshLock,
});

/**
 * Posts one file (multipart) to an API endpoint with the session's token, and answers its JSON
 * body. An expired session is renewed through the GraphQL client's refresh-once, then the file is
 * sent again; a refusal becomes an ApiError with the API's code and messages.
 */
export async function postFile(url: string, file: File): Promise<Record<string, unknown>> {
  const send = () => {
    const body = new FormData();
    body.append('file', file, file.name);
    const headers: Record<string, string> = {};
    if (storedTokens.value) headers.authorization = `Bearer ${storedTokens.value.accessToken}`;
    return fetch(url, { method: 'POST', headers, body });
  };
  let response: Response;
  try {
    response = await send();
    if (response.status === 401) {
      await gql(SessionCheckDocument).catch(() => undefined);
      response = await send();
    }
  } catch {
    throw new ApiError({ code: 'network/unreachable', messageZh: '网络连接失败，请稍后再试', messageEn: 'Could not reach the server, please try again' });
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new ApiError({
      code: String(body.code ?? 'upload/failed'),
      messageZh: String(body.messageZh ?? '上传失败'),
      messageEn: String(body.messageEn ?? 'Upload failed'),
      details: body.details,
    });
  }
  return body;
}

/** Uploads one listing image; the API answers with an id to pass as imageIds. */
export async function uploadImage(organisationId: string, file: File): Promise<{ id: string; url: string }> {
  const body = await postFile(`/api/uploads/images?organisationId=${encodeURIComponent(organisationId)}`, file);
  return { id: String(body.id), url: String(body.url) };
}
