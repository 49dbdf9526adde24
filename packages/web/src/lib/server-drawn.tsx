import { Suspense, type ReactNode } from 'react';

/*
 * A page the server drew (/book's first step, packages/server/src/lib/web-pages.ts) is taken over by
 * hydration (main.tsx): the app attaches its handlers to the drawn markup instead of drawing it again.
 * On a phone that first pass over the whole page is one long task; a part wrapped in <HydrateLater>
 * keeps its drawn markup and is hydrated in the next task instead (Preact's Suspense keeps server
 * markup while a part suspends during hydration). Until then its controls work as plain HTML.
 */

let heldUntil: Promise<void> | undefined;

/** main.tsx, just before it hydrates: every <HydrateLater> part waits for `next` (a later task). */
export function holdLaterParts(next: Promise<void>): void {
  const held = next.then(() => {
    if (heldUntil === held) heldUntil = undefined;
  });
  heldUntil = held;
}

function Gate({ children }: { children: ReactNode }) {
  // Suspense's protocol: a part that is not ready throws the promise it waits for.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (heldUntil) throw heldUntil;
  return children;
}

/** A part of a drawn page hydrated a task later. Its children must draw one element (the markup kept meanwhile). */
export function HydrateLater({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={null}>
      <Gate>{children}</Gate>
    </Suspense>
  );
}
