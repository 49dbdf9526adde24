import i18n from 'i18next';
import { createElement, lazy, type ComponentProps, type ComponentType } from 'react';
import type { ShouldRevalidateFunction } from 'react-router';

/** Something a route needs before it renders: a page's module, or a feature's text. */
export interface Preloadable {
  preload(): Promise<void>;
}

/** A page component that can be fetched ahead of its first render. */
export type LazyPage<P> = ComponentType<P> & Preloadable;

/**
 * A page loaded on demand, from a module that exports it by name: the public site does not download
 * the staff app, and a receptionist does not download the clinical editors until she opens one.
 * `namespaces` are the translation namespaces the page and the components it imports statically ask
 * for (`useTranslation`); `lazy-page.test.ts` checks the list against the source. Preloading fetches
 * both, so a route that preloads (`loadedBeforeNavigation`) renders without suspending.
 * Once the module is in, the page renders at once instead of through React.lazy, which suspends for
 * a turn even on a loaded module. React.lazy stays as the fallback for a render that was not preloaded.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page's props, as React.lazy accepts
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  namespaces: readonly string[],
): LazyPage<ComponentProps<M[K]>> {
  type Props = ComponentProps<M[K]>;
  let loaded: ComponentType<Props> | undefined;
  const fetchPage = () =>
    load().then((module) => {
      loaded = module[name];
      return loaded;
    });
  const Lazy = lazy(() => fetchPage().then((page) => ({ default: page })));
  const Page = (props: Props) => createElement(loaded ?? Lazy, props);
  const text = textOf(namespaces);
  return Object.assign(Page, { preload: () => Promise.all([fetchPage(), text.preload()]).then(() => undefined) });
}

/** A feature's text in the reader's language, for a layout route that is not itself loaded on demand. */
export function textOf(namespaces: readonly string[]): Preloadable {
  return { preload: () => i18n.loadNamespaces([...namespaces]).then(() => undefined) };
}

// Loaded once: a later visit to the same route, or a change of its parameters, has nothing new to fetch.
const neverAgain: ShouldRevalidateFunction = () => false;

/**
 * Route props that fetch a page's module and text before the router moves to it (a data router
 * `loader`). The previous page stays on screen until the next one can render whole, so a navigation
 * never suspends: no fallback flashes between pages, and no update reaches a suspended subtree.
 * A language change needs no loader: i18next loads every namespace in use before it switches.
 */
export function loadedBeforeNavigation(...needs: readonly Preloadable[]): { loader: () => Promise<null>; shouldRevalidate: ShouldRevalidateFunction } {
  return {
    loader: () => Promise.all(needs.map((need) => need.preload())).then(() => null),
    shouldRevalidate: neverAgain,
  };
}
