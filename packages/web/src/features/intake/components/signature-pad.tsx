import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';

interface Point {
  x: number;
  y: number;
}

export interface SignaturePadProps {
  /** Accessible name of the drawing area. */
  label: string;
  clearLabel: string;
  typedLabel: string;
  /** The typed name, for patients who cannot draw: drawn in a script font instead. */
  typedName: string;
  describedBy?: string;
  invalid?: boolean;
  /** A PNG data URL of what is on the pad, or undefined when it is empty. */
  onChange(signature: string | undefined): void;
}

const HEIGHT = 180;
// Past 2× the PNG grows without looking any better.
const MAX_SCALE = 2;
const INK = '#1d2624';

/**
 * A signature drawn with a finger, pen or mouse on a <canvas>, by pointer events (touch-action
 * is off on the pad so drawing does not scroll the page). Strokes are kept in CSS pixels so a
 * resize or rotation redraws them rather than losing them.
 */
export function SignaturePad({ label, clearLabel, typedLabel, typedName, describedBy, invalid, onChange }: SignaturePadProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const typed = useRef<string | undefined>(undefined);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  const context = () => canvasRef.current?.getContext('2d') ?? null;

  const redraw = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = context();
    if (!canvas || !ctx) return;
    const scale = Math.min(window.devicePixelRatio || 1, MAX_SCALE);
    const width = canvas.clientWidth;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 2.4;
    ctx.strokeStyle = INK;
    ctx.fillStyle = INK;
    if (typed.current) {
      ctx.font = `italic 2.6rem "Segoe Script", "Brush Script MT", "Noto Naskh Arabic", cursive`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(typed.current, width / 2, HEIGHT * 0.68, width - 24);
      return;
    }
    for (const stroke of strokes.current) {
      const [first, ...rest] = stroke;
      if (!first) continue;
      ctx.beginPath();
      ctx.moveTo(first.x, first.y);
      if (rest.length === 0) ctx.lineTo(first.x + 0.1, first.y + 0.1); // a tap leaves a dot
      for (const point of rest) ctx.lineTo(point.x, point.y);
      ctx.stroke();
    }
  }, []);

  // Size the drawing surface to the element (and the screen's pixel density), now and on resize.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const fit = () => {
      const scale = Math.min(window.devicePixelRatio || 1, MAX_SCALE);
      const width = Math.round(canvas.clientWidth * scale);
      const height = Math.round(HEIGHT * scale);
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
        redraw();
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [redraw]);

  const publish = () => {
    const canvas = canvasRef.current;
    const has = typed.current !== undefined || strokes.current.length > 0;
    setEmpty(!has);
    onChange(has && canvas ? canvas.toDataURL('image/png') : undefined);
  };

  const pointAt = (event: PointerEvent<HTMLCanvasElement>): Point => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    if (typed.current) {
      typed.current = undefined;
      strokes.current = [];
    }
    drawing.current = true;
    strokes.current.push([pointAt(event)]);
    redraw();
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const stroke = strokes.current.at(-1);
    if (!stroke) return;
    // Coalesced events keep fast strokes smooth on screens that batch pointer moves.
    const native = event.nativeEvent;
    const events = typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    const rect = event.currentTarget.getBoundingClientRect();
    if (events.length > 0) for (const e of events) stroke.push({ x: e.clientX - rect.left, y: e.clientY - rect.top });
    else stroke.push(pointAt(event));
    redraw();
  };

  const onPointerUp = () => {
    if (!drawing.current) return;
    drawing.current = false;
    publish();
  };

  const clear = () => {
    strokes.current = [];
    typed.current = undefined;
    redraw();
    publish();
  };

  const signTyped = () => {
    strokes.current = [];
    typed.current = typedName.trim();
    redraw();
    publish();
  };

  return (
    <div className={`ik-signature${invalid ? ' ik-signature--invalid' : ''}`}>
      <div className="ik-signature__pad">
        <canvas
          ref={canvasRef}
          className="ik-signature__canvas"
          style={{ blockSize: `${HEIGHT}px` }}
          role="img"
          aria-label={label}
          aria-describedby={describedBy}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        />
      </div>
      <div className="ik-signature__actions">
        <button type="button" className="ui-button ui-button--ghost" onClick={clear} disabled={empty}>
          {clearLabel}
        </button>
        <button type="button" className="ui-button ui-button--ghost" onClick={signTyped} disabled={typedName.trim().length < 2}>
          {typedLabel}
        </button>
      </div>
    </div>
  );
}
