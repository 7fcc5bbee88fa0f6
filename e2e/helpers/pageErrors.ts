import type { Page } from '@playwright/test';

/**
 * Records, from before the first script runs, every Content-Security-Policy violation the page
 * reports (securitypolicyviolation events, pushed to window.__cspViolations), and on the test's
 * side every console error and uncaught error. A string, not a function: Playwright would
 * serialise a compiled function with the test runner's helpers in it.
 */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || location.pathname) + ':' + e.lineNumber);
  });
`;

export interface PageErrors {
  console: string[];
  /** The violations recorded in the page so far (the page's own array: read before leaving the page). */
  violations(): Promise<string[]>;
}

export async function watchPageErrors(page: Page): Promise<PageErrors> {
  await page.addInitScript({ content: RECORD_VIOLATIONS });
  const console: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const source = message.location().url;
    // The app has no icon; the browser's own request for one is not the page's error.
    if (/\/favicon\.ico$/.test(source)) return;
    console.push(`${page.url()}: ${message.text()}${source ? ` (${source})` : ''}`);
  });
  page.on('pageerror', (error) => console.push(`${page.url()}: uncaught ${error.message}`));
  return {
    console,
    violations: () => page.evaluate('window.__cspViolations ? [...window.__cspViolations] : ["no recorder in this page"]') as Promise<string[]>,
  };
}
