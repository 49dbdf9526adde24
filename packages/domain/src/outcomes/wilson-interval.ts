/**
 * The Wilson score interval for a proportion (Wilson 1927; recommended over the simple
 * "p ± 1.96·SE" by Brown, Cai & DasGupta 2001, Stat Sci 16:101-133, because it stays inside
 * 0–100% and keeps its coverage for small clinics and rates near 0 or 1).
 *
 *   centre = (p + z²/2n) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
 *
 * Worked example: 8 of 10 → 0.490 to 0.943.
 */
export const Z_95 = 1.959963984540054;

export function wilsonInterval(successes: number, total: number, z = Z_95): { low: number; high: number } | null {
  if (total === 0) return null;
  const p = successes / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
