import { connection } from 'next/server';

/**
 * /yardstick: one heading. Rendered per request like the product's pages (waiting for the
 * connection keeps it from being prerendered), so it carries the request's CSP nonce on its
 * scripts (proxy.ts) and costs the server what a product page's document costs, minus the page.
 */
export default async function Yardstick() {
  await connection();
  return (
    <main>
      <h1>Yardstick</h1>
    </main>
  );
}
