import { lazyPage } from '../../../lib/lazy-page.ts';

/*
 * The parts of the intake its first step does not show: the body chart with its editor (the pain map
 * step) and the consent with the signature pad (the last step). They load after the first step is on
 * screen (IntakeForm calls preloadLaterSteps as it mounts), not before the page can start, and each
 * place that shows one keeps a Suspense boundary of its own for a patient quicker than the network.
 */
export const PainMapField = lazyPage(() => import('./body-chart-fields.tsx'), 'PainMapField', ['bodyChart', 'errors', 'intake']);
export const BodyZonesField = lazyPage(() => import('./body-chart-fields.tsx'), 'BodyZonesField', ['bodyChart', 'errors', 'intake']);
export const ConsentStep = lazyPage(() => import('./consent-step.tsx'), 'ConsentStep', ['intake']);

export function preloadLaterSteps(): void {
  void PainMapField.preload();
  void ConsentStep.preload();
}
