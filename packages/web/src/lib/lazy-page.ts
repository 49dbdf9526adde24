import { createElement, lazy, type ComponentProps, type ComponentType } from 'react';

/** A page component that can be fetched ahead of its first render (main.tsx, for a page the server already drew). */
export type LazyPage<P> = ComponentType<P> & { preload(): Promise<void> };

/**
 * A page loaded on demand, from a module that exports it by name: the public site does not download
 * the staff app, and a receptionist does not download the clinical editors until she opens one. The
 * Suspense boundary is the frame's (app/staff-frame) or the app's.
 * Once the module is in (preloaded or rendered before), the page renders at once instead of through
 * React.lazy, which suspends for a turn even on a loaded module: over a page the server rendered
 * that turn would paint the fallback (an empty main area) between the server's page and the app's.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page's props, as React.lazy accepts
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyPage<ComponentProps<M[K]>> {
  type Props = ComponentProps<M[K]>;
  let loaded: ComponentType<Props> | undefined;
  const fetchPage = () =>
    load().then((module) => {
      loaded = module[name];
      return loaded;
    });
  const Lazy = lazy(() => fetchPage().then((page) => ({ default: page })));
  const Page = (props: Props) => createElement(loaded ?? Lazy, props);
  return Object.assign(Page, { preload: () => fetchPage().then(() => undefined) });
}
