import { expect, type APIRequestContext } from '@playwright/test';

/**
 * Uploads a dataset through the API (POST /api/datasets, multipart) and returns its id. One place
 * for every spec that needs an upload, so that signing in as an analyst can be added here once.
 */
export async function uploadAs(request: APIRequestContext, csv: string, name: string, codebook?: string): Promise<string> {
  const response = await request.post('/api/datasets', {
    multipart: {
      file: { name: 'upload.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
      name,
      ...(codebook ? { codebook: { name: 'codebook.json', mimeType: 'application/json', buffer: Buffer.from(codebook) } } : {}),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { dataset: { id: string } }).dataset.id;
}
