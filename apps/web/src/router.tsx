import { useEffect, useState } from 'react';

/**
 * Navigation without a router library: the URL is the state (filters included, so a view can be
 * bookmarked), history.pushState changes it, and every same-origin link click is taken over.
 */
const EVENT = 'register:navigatie';

export function navigeer(url: string, vervang = false): void {
  if (vervang) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event(EVENT));
}

export function useLocatie(): { pad: string; zoek: URLSearchParams } {
  const [href, setHref] = useState(location.pathname + location.search);
  useEffect(() => {
    const bij = () => setHref(location.pathname + location.search);
    window.addEventListener('popstate', bij);
    window.addEventListener(EVENT, bij);
    return () => {
      window.removeEventListener('popstate', bij);
      window.removeEventListener(EVENT, bij);
    };
  }, []);
  const url = new URL(href, location.origin);
  return { pad: url.pathname, zoek: url.searchParams };
}

/** Plain left clicks on links to this application navigate in place; everything else stays a normal link. */
export function onderscheptLinks(): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
    if (a.pathname.startsWith('/api/') || a.pathname === '/health') return;
    e.preventDefault();
    navigeer(a.pathname + a.search + a.hash);
  });
}

/** `/register?x=1` with the given query values; empty ones left out. */
export function metZoek(pad: string, waarden: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(waarden)) if (v !== undefined && v !== null && String(v) !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${pad}?${s}` : pad;
}
