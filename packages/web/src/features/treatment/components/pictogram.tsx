import type { ReactNode } from 'react';
import type { SelfCareDto } from '../api/treatment-api.ts';

/**
 * Simple line pictograms for the home-program handout, one per kind of self-care. Drawn in a
 * 64 × 64 box with the current colour, so they print cleanly in black and white.
 */
const HEAD = (cx: number, cy: number) => <circle cx={cx} cy={cy} r="5.5" />;

const DRAWINGS: Record<SelfCareDto['kind'], ReactNode> = {
  // A seated figure tilting the head away, with a curved arrow for the stretch.
  self_stretch: (
    <>
      {HEAD(27, 14)}
      <path d="M31 19 L33 38 L27 38 L27 54" />
      <path d="M33 38 L45 38 L45 54" />
      <path d="M32 24 L22 34 L20 44" />
      <path d="M15 56 H50" />
      <path d="M40 8 A12 12 0 0 1 46 22" />
      <path d="M46 22 L42 19 M46 22 L48 17" />
    </>
  ),
  // Leaning back against a wall with a ball between the shoulder blade and the wall.
  self_pressure: (
    <>
      <path d="M54 6 V58" />
      {HEAD(41, 12)}
      <path d="M42 18 L40 38 L34 48 L34 58" />
      <path d="M40 38 L44 48 L44 58" />
      <path d="M41 23 L30 30 L26 40" />
      <circle cx="50" cy="26" r="3.5" fill="currentColor" />
    </>
  ),
  // A warm pack with rising heat waves.
  heat: (
    <>
      <rect x="12" y="38" width="40" height="14" rx="4" />
      <path d="M22 32 C18 27 26 24 22 18 C18 13 24 10 22 6" />
      <path d="M32 32 C28 27 36 24 32 18 C28 13 34 10 32 6" />
      <path d="M42 32 C38 27 46 24 42 18 C38 13 44 10 42 6" />
    </>
  ),
  // Sitting tall at a desk with the screen at eye level.
  posture_ergonomics: (
    <>
      {HEAD(20, 14)}
      <path d="M20 20 V40 H32 V56" />
      <path d="M20 26 L32 32 L40 32" />
      <path d="M12 56 V40 H20" />
      <rect x="40" y="12" width="16" height="12" rx="1.5" />
      <path d="M48 24 V32 M36 32 H60 M56 32 V56" />
    </>
  ),
  // Lungs with an arrow for a slow breath in and out.
  breathing: (
    <>
      <path d="M32 10 V26" />
      <path d="M30 24 C20 20 12 30 12 44 C12 52 20 54 28 50 C30 48 30 40 30 30 Z" />
      <path d="M34 24 C44 20 52 30 52 44 C52 52 44 54 36 50 C34 48 34 40 34 30 Z" />
      <path d="M58 14 V30 M55 17 L58 14 L61 17 M55 27 L58 30 L61 27" />
    </>
  ),
  // Standing, arms lifting, with arcs for slow circles and flowing movement.
  gentle_movement: (
    <>
      {HEAD(32, 12)}
      <path d="M32 18 V38" />
      <path d="M32 38 L26 56 M32 38 L38 56" />
      <path d="M32 23 L21 15 M32 23 L43 15" />
      <path d="M12 34 A11 11 0 0 1 13 20" />
      <path d="M13 20 L10 23 M13 20 L16 22" />
      <path d="M52 34 A11 11 0 0 0 51 20" />
      <path d="M51 20 L54 23 M51 20 L48 22" />
      <path d="M18 58 H46" />
    </>
  ),
};

export function Pictogram({ kind, label, size = 64 }: { kind: SelfCareDto['kind']; label: string; size?: number }) {
  return (
    <svg
      className="tr-pictogram"
      viewBox="0 0 64 64"
      width={size}
      height={size}
      role="img"
      aria-label={label}
      fill="none"
      stroke="currentColor"
      strokeWidth="2.4"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {DRAWINGS[kind]}
    </svg>
  );
}
