import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import { escapeHtml } from '../lib/html-text.ts';
import { renderBodyMapFigure } from './body-map-figure.ts';

/**
 * The referral-pattern body map of the trigger-point article: for each body zone, the muscles whose
 * trigger points commonly refer pain there (the knowledge base's `referral.primary`, each muscle
 * with the sources it cites). Rendered on the server as a figure (front and back, one link per
 * zone; body-map-figure.ts) above a list of <details> by region. A zone's link targets its list
 * entry, which the browser opens on fragment navigation: no script at all, so the knowledge base
 * never reaches a public JavaScript bundle, and the list stays the accessible alternative.
 */
type Lang = 'en' | 'ar';
type Text = { en: string; ar: string };

export interface BodyMapZone {
  id: string;
  label: Text;
  /** Each muscle with the numbers of its sources in the map's bibliography (1-based). */
  muscles: { name: Text; sources: number[] }[];
}

export interface BodyMapRegion {
  region: string;
  label: Text;
  zones: BodyMapZone[];
}

export interface BodyMap {
  regions: BodyMapRegion[];
  /** Every work a listed muscle cites, once, in order of first use. */
  bibliography: string[];
}

/** Zones with at least one muscle referring to them, grouped by region in the vocabulary's order. */
export function buildBodyMap(): BodyMap {
  const regions = new Map<string, BodyMapRegion>();
  const bibliography: string[] = [];
  const cite = (citation: string) => {
    if (!bibliography.includes(citation)) bibliography.push(citation);
    return bibliography.indexOf(citation) + 1;
  };
  for (const zone of knowledgeBase.bodyZones) {
    const muscles = knowledgeBase.muscles
      .filter((m) => m.referral.primary.includes(zone.id))
      .map((m) => ({ name: m.name, sources: [...new Set(m.sources.map((s) => cite(s.citation)))].sort((a, b) => a - b) }));
    if (muscles.length === 0) continue;
    let region = regions.get(zone.region);
    if (!region) {
      const label = knowledgeBase.regions?.find((r) => r.id === zone.region)?.label ?? { en: zone.region, ar: zone.region };
      region = { region: zone.region, label, zones: [] };
      regions.set(zone.region, region);
    }
    region.zones.push({ id: zone.id, label: zone.label, muscles });
  }
  return { regions: [...regions.values()], bibliography };
}

let cached: BodyMap | undefined;

const TEXT = {
  en: {
    heading: 'Where pain is felt, and which muscles often refer it there',
    lead: 'Choose an area on the figure, or in the list of areas below it, to see the muscles whose trigger points commonly send pain to it. This is a map of common patterns, not a diagnosis: your therapist examines you to find the source.',
    listLink: 'Go to the list of areas',
    listHeading: 'Areas of the body, by region',
    back: 'Back to the figure',
    sourcesLabel: 'sources',
    listSeparator: ', ',
    bibliography: 'Sources of the map',
  },
  ar: {
    heading: 'أين يُشعَر بالألم، وأي العضلات كثيرًا ما تُحيله إلى هناك',
    lead: 'اختر منطقة على الرسم، أو من قائمة المناطق تحته، لترى العضلات التي كثيرًا ما ترسل نقاطها الزنادية الألم إليها. هذه خريطة لأنماط شائعة وليست تشخيصًا: يفحصك المعالج ليجد المصدر.',
    listLink: 'انتقل إلى قائمة المناطق',
    listHeading: 'مناطق الجسم حسب الناحية',
    back: 'العودة إلى الرسم',
    sourcesLabel: 'المصادر',
    listSeparator: '، ',
    bibliography: 'مصادر الخريطة',
  },
} as const;

const e = escapeHtml;

function renderMuscle(muscle: BodyMapZone['muscles'][number], lang: Lang): string {
  const t = TEXT[lang];
  // An Arabic reader also gets the English name, the one a therapist's notes and charts often use.
  const english = lang === 'ar' ? ` <span lang="en" dir="ltr">(${e(muscle.name.en)})</span>` : '';
  // The Arabic comma in Arabic; the numbers then read 1، 2، 3 from the right, in the sentence's direction.
  const refs = muscle.sources.map((n) => `<a href="#map-source-${n}">${n}</a>`).join(t.listSeparator);
  return `<li>${e(muscle.name[lang])}${english} <small class="edu-muted">(${e(t.sourcesLabel)} ${refs})</small></li>`;
}

export function renderBodyMap(lang: Lang): string {
  cached ??= buildBodyMap();
  const t = TEXT[lang];
  const regions = cached.regions
    .map(
      (region) =>
        `<li><h4 class="edu-map__region">${e(region.label[lang])}</h4><ul class="edu-map__zones">${region.zones
          .map(
            (zone) =>
              `<li><details><summary>${e(zone.label[lang])}</summary><ul id="map-${zone.id}" class="edu-map__muscles">${zone.muscles
                .map((m) => renderMuscle(m, lang))
                .join('')}</ul><p class="edu-map__back"><a href="#body-map-figure">${e(t.back)}</a></p></details></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('');
  const bibliography = cached.bibliography.map((citation, i) => `<li id="map-source-${i + 1}">${e(citation)}</li>`).join('');
  return [
    `<section class="edu-map" aria-labelledby="body-map-heading"><h2 id="body-map-heading">${e(t.heading)}</h2>`,
    `<p>${e(t.lead)} <a href="#body-map-list">${e(t.listLink)}</a></p>`,
    renderBodyMapFigure(
      cached.regions.flatMap((region) => region.zones),
      lang,
    ),
    `<h3 id="body-map-list">${e(t.listHeading)}</h3><ul class="edu-map__regions">${regions}</ul>`,
    `<h3 id="body-map-sources">${e(t.bibliography)}</h3><ol class="edu-map__sources"${lang === 'ar' ? ' lang="en" dir="ltr"' : ''}>${bibliography}</ol>`,
    `</section>`,
  ].join('');
}
