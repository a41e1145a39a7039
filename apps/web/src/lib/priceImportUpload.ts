import { ApiError, currentAccessToken, gql } from '../graphql';
import { SessionCheckDocument } from '../graphql/generated/graphql';

/**
 * Sends a price file to the import endpoint (multipart, one file; admins only), with a saved
 * column mapping when one is chosen. The API keeps the file and answers 202 at once with the
 * import's id; the import then runs as a task, and its progress is read with `priceImport`.
 * An expired session is renewed through the GraphQL client once, as for image uploads.
 */
export async function uploadPriceFile(file: File, mappingName: string | null): Promise<{ id: string; status: string }> {
  const url = `/api/market/imports${mappingName ? `?mapping=${encodeURIComponent(mappingName)}` : ''}`;
  const send = () => {
    const body = new FormData();
    body.append('file', file, file.name);
    const token = currentAccessToken();
    return fetch(url, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body });
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
    });
  }
  return { id: String(body.id), status: String(body.status) };
}
