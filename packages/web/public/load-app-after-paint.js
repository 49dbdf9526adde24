// For a page the server drew (packages/server/src/lib/web-pages.ts: /book's first step): starts the
// app's script once the page has loaded and painted, so on a slow phone network the script does
// not share the bandwidth the page's styles need before its first paint (issue 13: LCP). A tap
// before then still works: the drawn buttons submit plain forms. A classic script (not a module),
// so that it can read its own data-entry attribute.
(function loadAppAfterPaint() {
  const entry = document.currentScript && document.currentScript.getAttribute('data-entry');
  if (!entry) return;
  const load = () => requestAnimationFrame(() => setTimeout(() => void import(entry), 0));
  if (document.readyState === 'complete') load();
  else window.addEventListener('load', load, { once: true });
})();
