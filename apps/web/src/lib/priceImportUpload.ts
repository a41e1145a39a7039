import { postFile } from '../graphql';

/**
 * Sends a price file to the import endpoint (multipart, one file; admins only), with a saved
 * column mapping when one is chosen. The API keeps the file and answers 202 at once with the
 * import's id; the import then runs as a task, and its progress is read with `priceImport`.
 */
export async function uploadPriceFile(file: File, mappingName: string | null): Promise<{ id: string; status: string }> {
  const body = await postFile(`/api/market/imports${mappingName ? `?mapping=${encodeURIComponent(mappingName)}` : ''}`, file);
  return { id: String(body.id), status: String(body.status) };
}
