'use client';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { LanguageLinks } from './LanguageLinks';

function FromAddressBar({ path, label }: { path: string; label: string }) {
  const params = new URLSearchParams(useSearchParams().toString());
  params.delete('lang');
  return <LanguageLinks path={path} query={params.toString()} label={label} />;
}

/**
 * The language links built from the address bar, for pages whose URL changes in the browser (the
 * explorer). The only client part of the header's language switch: `label` comes translated from
 * the server, so the message catalogs stay out of the page's scripts.
 */
export function LiveLanguageLinks({ path, initialQuery, label }: { path: string; initialQuery: string; label: string }) {
  return (
    <Suspense fallback={<LanguageLinks path={path} query={initialQuery} label={label} />}>
      <FromAddressBar path={path} label={label} />
    </Suspense>
  );
}
