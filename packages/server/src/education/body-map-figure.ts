import {
  bodyOutlinePath,
  CHART_HEIGHT,
  CHART_WIDTH,
  EARS,
  HAIR,
  HEAD,
  SOLE,
  ZONE_DRAWINGS,
  type ChartView,
  type Shape,
} from '@myomap/domain/knowledge/body-chart-geometry';
import { escapeHtml } from '../lib/html-text.ts';

/**
 * The body map's figure as inline SVG: the front and the back, each zone with referral patterns a
 * link to its entry in the list (one link per zone: the shape and its mirror image share it, since
 * the knowledge base's patterns are the same on either side). SVG coordinates do not follow the
 * page's direction, so the Arabic page shows the same figure: left and right are the patient's,
 * which the caption says and the side labels show.
 */
type Lang = 'en' | 'ar';
/** A zone to draw: body-map.ts's zones, of which the figure needs the id and the name. */
type FigureZone = { id: string; label: { en: string; ar: string } };

const TEXT = {
  en: {
    front: 'Front',
    back: 'Back',
    right: 'Right',
    left: 'Left',
    soles: 'Soles',
    caption:
      'The body from the front and from the back. Left and right are the patient’s: in the front view the patient’s right side is on your left. Each area is drawn on both sides; the patterns are the same on either side.',
  },
  ar: {
    front: 'من الأمام',
    back: 'من الخلف',
    right: 'يمين',
    left: 'يسار',
    soles: 'باطن القدمين',
    caption:
      'الجسم من الأمام ومن الخلف. اليمين واليسار هما يمين المريض ويساره: في المنظر الأمامي يكون الجانب الأيمن للمريض على يسارك. كل منطقة مرسومة على الجانبين، والأنماط نفسها في الجانبين.',
  },
} as const;

const e = escapeHtml;
const OUTLINE = bodyOutlinePath();
const MIRROR = `matrix(-1 0 0 1 ${CHART_WIDTH} 0)`;

function shapeElement(shape: Shape, mirrored: boolean): string {
  const flip = mirrored ? ` transform="${MIRROR}"` : '';
  if (shape.kind === 'path') return `<path d="${shape.d}"${flip}/>`;
  const rotate = shape.rotate ? ` transform="${mirrored ? `${MIRROR} ` : ''}rotate(${shape.rotate} ${shape.cx} ${shape.cy})"` : flip;
  return `<ellipse cx="${shape.cx}" cy="${shape.cy}" rx="${shape.rx}" ry="${shape.ry}"${rotate}/>`;
}

function renderView(view: ChartView, zones: readonly FigureZone[], lang: Lang): string {
  const t = TEXT[lang];
  // Front: the patient faces us, so the viewer's left is the patient's right. Back: the reverse.
  const [viewerLeft, viewerRight] = view === 'front' ? [t.right, t.left] : [t.left, t.right];
  const links = zones.flatMap((zone) => {
    const drawing = ZONE_DRAWINGS[zone.id];
    if (!drawing || drawing.view !== view) return [];
    const shapes = drawing.centred ? shapeElement(drawing.shape, false) : shapeElement(drawing.shape, false) + shapeElement(drawing.shape, true);
    const label = e(zone.label[lang]);
    return [`<a class="edu-map__zone" href="#map-${zone.id}" aria-label="${label}"><title>${label}</title>${shapes}</a>`];
  });
  const figure = [
    `<ellipse cx="${EARS.cx}" cy="${EARS.cy}" rx="${EARS.rx}" ry="${EARS.ry}"/><ellipse cx="${CHART_WIDTH - EARS.cx}" cy="${EARS.cy}" rx="${EARS.rx}" ry="${EARS.ry}"/>`,
    `<path d="${OUTLINE}"/><ellipse cx="${HEAD.cx}" cy="${HEAD.cy}" rx="${HEAD.rx}" ry="${HEAD.ry}"/>`,
    view === 'back'
      ? `<ellipse class="edu-map__hair" cx="${HAIR.cx}" cy="${HAIR.cy}" rx="${HAIR.rx}" ry="${HAIR.ry}"/><ellipse cx="${SOLE.cx}" cy="${SOLE.cy}" rx="${SOLE.rx}" ry="${SOLE.ry}"/><ellipse cx="${CHART_WIDTH - SOLE.cx}" cy="${SOLE.cy}" rx="${SOLE.rx}" ry="${SOLE.ry}"/>`
      : '',
  ].join('');
  // direction="ltr": the side labels sit at the figure's own left and right edges on the Arabic page too.
  return [
    `<div class="edu-map__view"><p class="edu-map__view-name" id="body-map-${view}">${e(view === 'front' ? t.front : t.back)}</p>`,
    `<svg viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="group" aria-labelledby="body-map-${view}" direction="ltr" data-view="${view}">`,
    `<text x="4" y="12" text-anchor="start" aria-hidden="true">${e(viewerLeft)}</text><text x="${CHART_WIDTH - 4}" y="12" text-anchor="end" aria-hidden="true">${e(viewerRight)}</text>`,
    `<g class="edu-map__figure" aria-hidden="true">${figure}</g>`,
    view === 'back' ? `<text x="${CHART_WIDTH / 2}" y="477" text-anchor="middle" aria-hidden="true">${e(t.soles)}</text>` : '',
    links.join(''),
    `</svg></div>`,
  ].join('');
}

export function renderBodyMapFigure(zones: readonly FigureZone[], lang: Lang): string {
  const t = TEXT[lang];
  return `<figure class="edu-map__figure-box" id="body-map-figure"><div class="edu-map__views">${renderView('front', zones, lang)}${renderView('back', zones, lang)}</div><figcaption>${e(t.caption)}</figcaption></figure>`;
}
