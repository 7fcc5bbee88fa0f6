import type { Metadata } from 'next';

/**
 * The yardstick's own root layout: a document and nothing else (no styles, no message provider,
 * no header), so that `npm run lighthouse` can score what Next.js and React cost by themselves on
 * the machine, in the same run as the product's pages (scripts/lighthouse.ts). Not a product page:
 * no link leads here, and search engines are told to leave it out.
 */
export const metadata: Metadata = {
  title: 'Yardstick',
  robots: { index: false, follow: false },
};

export default function YardstickLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
