import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import './body-chart.css';
import { intensityColor, useZoneLabels, type BodyZone, type Side } from './body-zones.tsx';
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
import { useTranslation } from 'react-i18next';

export interface ChartMark {
  zone: string;
  side?: Side;
  intensity: number;
}

export interface ChartPin {
  key: string;
  view: 'anterior' | 'posterior';
  x: number;
  y: number;
  label: string;
  active: boolean;
}

interface BodyChartProps {
  zones: BodyZone[];
  marks: ChartMark[];
  onToggle: (zone: string, side: Side | undefined) => void;
  pins?: ChartPin[];
  /** While set, a click on the chart places a point instead of toggling a zone. */
  onPlace?: ((view: 'anterior' | 'posterior', x: number, y: number) => void) | undefined;
}

const OUTLINE = bodyOutlinePath();
const MIRROR = `matrix(-1 0 0 1 ${CHART_WIDTH} 0)`;
const markKey = (zone: string, side: Side | undefined) => `${zone}:${side ?? ''}`;

export function BodyChart({ zones, marks, onToggle, pins = [], onPlace }: BodyChartProps) {
  const { t } = useTranslation('bodyChart');
  const { zoneLabel } = useZoneLabels();
  const [mobileView, setMobileView] = useState<ChartView>('front');
  const marked = new Map(marks.map((mark) => [markKey(mark.zone, mark.side), mark.intensity]));

  // A zone is drawn when the drawing agrees with the API on whether it takes a side.
  const drawable = (zone: BodyZone) => {
    const drawing = ZONE_DRAWINGS[zone.id];
    return drawing !== undefined && Boolean(drawing.centred) === !zone.side;
  };
  const undrawn = zones.filter((zone) => !drawable(zone));

  const zoneElement = (zone: BodyZone, side: Side | undefined, shape: Shape, mirrored: boolean) => {
    const key = markKey(zone.id, side);
    const intensity = marked.get(key);
    const label = zoneLabel(zone.id, side);
    const toggle = () => onToggle(zone.id, side);
    const onClick = (event: MouseEvent) => {
      if (onPlace) return; // the click places a point; let it reach the chart
      event.stopPropagation();
      toggle();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        toggle();
      }
    };
    return (
      <g
        key={key}
        className={`zone${intensity !== undefined ? ' zone--marked' : ''}`}
        role="checkbox"
        aria-checked={intensity !== undefined}
        aria-label={intensity !== undefined ? t('chart.zoneWithIntensity', { label, intensity }) : label}
        // Lower case: SVG attribute names are case-sensitive, and Preact (the browser build) sets them as
        // written, so `tabIndex` would leave the zone out of the keyboard's reach. React maps both.
        {...{ tabindex: 0 }}
        data-zone={zone.id}
        data-side={side ?? ''}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <title>{intensity !== undefined ? t('chart.zoneWithIntensity', { label, intensity }) : label}</title>
        <g transform={mirrored ? MIRROR : undefined}>
          <ShapeElement shape={shape} fill={intensity !== undefined ? intensityColor(intensity) : undefined} />
        </g>
      </g>
    );
  };

  const renderView = (view: ChartView) => {
    // Front: the patient faces us, so the viewer's left is the patient's right. Back: the reverse.
    const viewerLeft: Side = view === 'front' ? 'right' : 'left';
    const viewerRight: Side = view === 'front' ? 'left' : 'right';
    const elements = zones.flatMap((zone) => {
      const drawing = ZONE_DRAWINGS[zone.id];
      if (!drawing || drawing.view !== view || !drawable(zone)) return [];
      if (drawing.centred) return [zoneElement(zone, undefined, drawing.shape, false)];
      return [zoneElement(zone, viewerLeft, drawing.shape, false), zoneElement(zone, viewerRight, drawing.shape, true)];
    });
    const chartView = view === 'front' ? 'anterior' : 'posterior';
    const place = (event: MouseEvent<SVGSVGElement>) => {
      if (!onPlace) return;
      const matrix = event.currentTarget.getScreenCTM();
      if (!matrix) return;
      const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
      const x = Math.min(1, Math.max(0, point.x / CHART_WIDTH));
      const y = Math.min(1, Math.max(0, point.y / CHART_HEIGHT));
      onPlace(chartView, Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000);
    };
    return (
      <figure className={`body-chart__view${mobileView === view ? ' is-current' : ''}`} key={view}>
        <figcaption>{t(`chart.${view}`)}</figcaption>
        <svg
          viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
          className={`body-chart__svg${onPlace ? ' is-placing' : ''}`}
          role="group"
          aria-label={t(`chart.${view}Label`)}
          onClick={place}
          data-view={view}
        >
          <text x={4} y={12} className="body-chart__side" textAnchor="start">
            {t(`chart.sideMarker.${viewerLeft}`)}
          </text>
          <text x={CHART_WIDTH - 4} y={12} className="body-chart__side" textAnchor="end">
            {t(`chart.sideMarker.${viewerRight}`)}
          </text>
          <g className="body-chart__figure" aria-hidden="true">
            <ellipse cx={EARS.cx} cy={EARS.cy} rx={EARS.rx} ry={EARS.ry} />
            <ellipse cx={CHART_WIDTH - EARS.cx} cy={EARS.cy} rx={EARS.rx} ry={EARS.ry} />
            <path d={OUTLINE} />
            <ellipse cx={HEAD.cx} cy={HEAD.cy} rx={HEAD.rx} ry={HEAD.ry} />
            {view === 'back' && (
              <>
                <ellipse className="body-chart__hair" cx={HAIR.cx} cy={HAIR.cy} rx={HAIR.rx} ry={HAIR.ry} />
                <ellipse cx={SOLE.cx} cy={SOLE.cy} rx={SOLE.rx} ry={SOLE.ry} />
                <ellipse cx={CHART_WIDTH - SOLE.cx} cy={SOLE.cy} rx={SOLE.rx} ry={SOLE.ry} />
              </>
            )}
          </g>
          {view === 'back' && (
            <text x={CHART_WIDTH / 2} y={482} className="body-chart__caption" textAnchor="middle">
              {t('chart.soles')}
            </text>
          )}
          {elements}
          {pins
            .filter((pin) => pin.view === chartView)
            .map((pin) => (
              <g
                key={pin.key}
                className={`body-chart__pin${pin.active ? ' is-active' : ''}`}
                transform={`translate(${pin.x * CHART_WIDTH} ${pin.y * CHART_HEIGHT})`}
              >
                <title>{pin.label}</title>
                <circle r={4.5} />
                <path d="M -2.5 -2.5 L 2.5 2.5 M 2.5 -2.5 L -2.5 2.5" />
              </g>
            ))}
        </svg>
      </figure>
    );
  };

  return (
    <div className="body-chart">
      <div className="body-chart__tabs" role="tablist" aria-label={t('chart.views')}>
        {(['front', 'back'] as const).map((view) => (
          <button key={view} type="button" role="tab" aria-selected={mobileView === view} onClick={() => setMobileView(view)}>
            {t(`chart.${view}`)}
          </button>
        ))}
      </div>
      <div className="body-chart__views">{(['front', 'back'] as const).map(renderView)}</div>
      {undrawn.length > 0 && (
        <fieldset className="body-chart__other">
          <legend>{t('chart.otherAreas')}</legend>
          {undrawn.flatMap((zone) =>
            (zone.side ? (['right', 'left'] as const) : [undefined]).map((side) => {
              const intensity = marked.get(markKey(zone.id, side));
              return (
                <button
                  key={markKey(zone.id, side)}
                  type="button"
                  role="checkbox"
                  aria-checked={intensity !== undefined}
                  className="chip body-chart__chip"
                  style={intensity !== undefined ? { background: intensityColor(intensity) } : undefined}
                  onClick={() => onToggle(zone.id, side)}
                >
                  {zoneLabel(zone.id, side)}
                </button>
              );
            }),
          )}
        </fieldset>
      )}
    </div>
  );
}

function ShapeElement({ shape, fill }: { shape: Shape; fill: string | undefined }) {
  const style = fill ? { fill } : undefined;
  if (shape.kind === 'path') return <path className="zone__shape" d={shape.d} style={style} />;
  return (
    <ellipse
      className="zone__shape"
      cx={shape.cx}
      cy={shape.cy}
      rx={shape.rx}
      ry={shape.ry}
      transform={shape.rotate ? `rotate(${shape.rotate} ${shape.cx} ${shape.cy})` : undefined}
      style={style}
    />
  );
}
