import { createContext, useContext } from 'react';

/**
 * True while the server draws a page (app/public-pages/render-public-page.tsx). A page sent with the
 * app's script (/book's first step) is replaced by the app once the script runs (main.tsx); until
 * then its controls must work as plain HTML (a service's button submits a form to the next step).
 */
export const DrawnByServerContext = createContext(false);

export function useIsDrawnByServer(): boolean {
  return useContext(DrawnByServerContext);
}
