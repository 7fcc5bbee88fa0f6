import type { Instrumentation } from 'next';

/**
 * Logs every error the server meets while rendering a page, running a route handler or a server
 * action (Next.js calls onRequestError for each): one line of JSON on standard error with the path,
 * the route and the digest the error page shows the reader. The reader sees a
 * plain error page (app/error.tsx); this is where the details go.
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const err = error instanceof Error ? error : new Error(String(error));
  const digest = (error as { digest?: unknown } | null)?.digest;
  console.error(
    JSON.stringify({
      level: 'error',
      event: 'request-error',
      time: new Date().toISOString(),
      method: request.method,
      // The path without its query: a query may carry filter values, nothing the log needs.
      path: request.path.split('?')[0],
      route: context.routePath,
      routeType: context.routeType,
      digest: typeof digest === 'string' ? digest : undefined,
      name: err.name,
      message: err.message.slice(0, 500),
    }),
  );
  // Next.js prints the stack itself ("⨯ Error ..."), with the same digest.
};
