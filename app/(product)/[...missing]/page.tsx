import { notFound } from 'next/navigation';

/**
 * Every address no page answers. The app has two root layouts (the product's, and the bare
 * yardstick's in app/(yardstick)), so there is no top-level layout for Next.js's own not-found
 * route to render the product's page in: this catch-all sends unknown addresses to the product's
 * not-found.tsx, under the product's layout, header and language.
 */
export default function Missing(): never {
  notFound();
}

// The tab says what the page says: a page that calls notFound() keeps its own metadata, not the not-found page's.
export { generateMetadata } from '../not-found';
