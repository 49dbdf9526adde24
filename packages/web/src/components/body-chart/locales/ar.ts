import type { Messages } from '../../../lib/i18n/messages.ts';
import type { en } from './en.ts';

/** The same keys as en.ts (a missing or extra key fails typecheck); Arabic adds its own plural forms. */
export const ar: Messages<typeof en> = {
  withSide: '{{label}} ({{side}})',
  side: { left: 'يسار', right: 'يمين' },
  chart: {
    front: 'الأمام',
    back: 'الخلف',
    frontLabel: 'مخطط الجسم من الأمام: يمين المريض على يسارك',
    backLabel: 'مخطط الجسم من الخلف: يمين المريض على يمينك',
    views: 'مناظر المخطط',
    sideMarker: { right: 'يمين', left: 'يسار' },
    soles: 'باطن القدمين',
    otherAreas: 'مناطق أخرى',
    zoneWithIntensity: '{{label}}: {{intensity}}/10',
  },
  painMap: {
    empty: 'لم تُحدَّد أي منطقة بعد. حددها على مخطط الجسم.',
    intensityOf: '{{label}}: {{level}} من 10',
  },
};
