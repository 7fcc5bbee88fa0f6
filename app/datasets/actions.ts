'use server';

import { redirect } from 'next/navigation';
import { DatasetLookupError, getDatasetRegistry } from '@/lib/storage/datasetRegistry';

/** The "Yes, delete" step of the datasets page: deletes an upload, then shows the list again. */
export async function deleteDatasetAction(formData: FormData): Promise<void> {
  const id = formData.get('id');
  const lang = formData.get('lang') === 'nl' ? 'nl' : 'en';
  const back = (status: string) => `/datasets?${lang === 'nl' ? 'lang=nl&' : ''}${status}`;
  let status = 'deleted=1';
  try {
    await getDatasetRegistry().delete(typeof id === 'string' ? id : '');
  } catch (e) {
    if (!(e instanceof DatasetLookupError)) throw e;
    status = `error=${e.code}`;
  }
  redirect(back(status));
}
