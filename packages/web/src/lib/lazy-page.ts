import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on demand, from a module that exports it by name: the public site does not download
 * the staff app, and a receptionist does not download the clinical editors until she opens one. The
 * Suspense boundary is the frame's (app/staff-frame) or the app's.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
