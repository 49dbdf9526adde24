import { createContext, useContext } from 'react';

/**
 * True while a page is rendered to HTML on the server (app/public-pages/render-public-page.tsx) and
 * sent without the app's JavaScript: controls that need a script (the language switch) render as
 * plain links instead, which work in any browser.
 */
export const StaticPageContext = createContext(false);

export function useIsStaticPage(): boolean {
  return useContext(StaticPageContext);
}
