import { type NextRequest, NextResponse } from 'next/server';
import { decideLanguage, LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE, LOCALE_HEADER, localeOfSearch } from '@/lib/http/languagePreference';
import { newNonce, pageContentSecurityPolicy } from '@/lib/http/securityHeaders';

/**
 * Runs before the pages: remembers the reader's language (lib/http/languagePreference.ts) and
 * gives each page its Content-Security-Policy with a fresh nonce (lib/http/securityHeaders.ts).
 * The policy goes on the request too: Next.js reads the nonce from there for its own scripts; and
 * so does the page's language, for next-intl (i18n/request.ts; no locale routing: ?lang stays).
 */
export function proxy(request: NextRequest) {
  // A page load, not Next.js's router fetching a payload or prefetching a link.
  const headers = request.headers;
  const pageLoad = headers.get('sec-fetch-dest') === 'document' || (!headers.has('rsc') && !headers.has('next-router-prefetch') && !headers.has('sec-fetch-dest'));
  const decision = decideLanguage(request.nextUrl.search, request.cookies.get(LANGUAGE_COOKIE)?.value, pageLoad);
  if (decision.action === 'redirect') {
    const url = request.nextUrl.clone();
    url.search = decision.search;
    return NextResponse.redirect(url, 307);
  }
  // The choice just made counts for this very request too (the not-found page reads it from the cookie).
  if (decision.action === 'remember') request.cookies.set(LANGUAGE_COOKIE, decision.locale);
  const policy = pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(headers);
  requestHeaders.set('content-security-policy', policy);
  requestHeaders.set(LOCALE_HEADER, localeOfSearch(request.nextUrl.search));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  if (decision.action === 'remember')
    response.cookies.set(LANGUAGE_COOKIE, decision.locale, { path: '/', maxAge: LANGUAGE_COOKIE_MAX_AGE, sameSite: 'lax', httpOnly: true });
  return response;
}

export const config = {
  // Pages only: API routes, static files and images take no language, and get their fixed
  // security headers from next.config.js.
  matcher: ['/((?!api/|_next/|favicon|.*\\.[a-z0-9]+$).*)'],
};
