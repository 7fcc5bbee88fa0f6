'use server';

import { redirect } from 'next/navigation';
import { audit, currentUser, requestDatasets } from '@/app/server/request';
import { can } from '@/lib/auth/permissions';
import { DatasetLookupError } from '@/lib/storage/datasetRegistry';

/**
 * The "Yes, delete" step of the datasets page: deletes an upload, then shows the list again. The
 * role is checked here, on the server, whatever the page showed.
 */
export async function deleteDatasetAction(formData: FormData): Promise<void> {
  const id = formData.get('id');
  const lang = formData.get('lang') === 'nl' ? 'nl' : 'en';
  const back = (status: string) => `/datasets?${lang === 'nl' ? 'lang=nl&' : ''}${status}`;
  const user = await currentUser();
  if (!user) redirect(`/login?${lang === 'nl' ? 'lang=nl&' : ''}next=/datasets`);
  if (!can(user.role, 'datasets.write')) redirect(back('error=Forbidden'));
  let status = 'deleted=1';
  try {
    const datasets = await requestDatasets();
    const { name, respondents } = await datasets.summary(typeof id === 'string' ? id : '');
    await datasets.delete(id);
    await audit(user, { action: 'dataset.delete', target: String(id), detail: { name, respondents } });
  } catch (e) {
    if (!(e instanceof DatasetLookupError || (e instanceof Error && e.name === 'DatasetLookupError'))) throw e;
    status = `error=${(e as DatasetLookupError).code}`;
  }
  redirect(back(status));
}
