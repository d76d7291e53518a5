/**
 * A small history router: routes are patterns like "/:zone/officer"; links
 * are ordinary <a href> elements (App intercepts same-origin clicks), so
 * every page has a real URL that can be bookmarked and shared.
 */
export const router = $state<{ path: string; hash: string; search: string }>({
  path: location.pathname,
  hash: location.hash,
  search: location.search,
});

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const url = new URL(href, location.origin);
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  sync();
  window.scrollTo(0, 0);
}

function sync(): void {
  router.path = location.pathname;
  router.hash = location.hash;
  router.search = location.search;
}

window.addEventListener('popstate', sync);

export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i += 1) {
    const expected = patternParts[i] ?? '';
    const actual = decodeURIComponent(pathParts[i] ?? '');
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected !== actual) return null;
  }
  return params;
}

/** Handles clicks on same-origin links without a page load. */
export function interceptLinks(event: MouseEvent): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  const anchor = (event.target as Element | null)?.closest('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.dataset['reload'] !== undefined)
    return;
  const href = anchor.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
  event.preventDefault();
  navigate(href);
}
