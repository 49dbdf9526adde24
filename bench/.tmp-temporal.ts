import { Temporal } from 'temporal-polyfill';
import { listLocalDays } from '../packages/domain/src/scheduling/list-local-days.ts';
import { createInstantFormatter } from '../packages/domain/src/scheduling/create-instant-formatter.ts';
const cpu = (f: () => unknown, n = 100) => { for (let i=0;i<10;i++) f(); const s = process.cpuUsage(); for (let i=0;i<n;i++) f(); const d = process.cpuUsage(s); return `${((d.user+d.system)/1000/n).toFixed(3)} ms`; };
for (const z of ['Europe/London', 'Asia/Dubai']) {
  const a = Temporal.PlainDate.from('2026-04-12'), b = Temporal.PlainDate.from('2026-04-20');
  const zdt = a.toZonedDateTime(z);
  console.log(z, 'days', cpu(() => listLocalDays(a, b, z)), 'fmt', cpu(() => createInstantFormatter(z, zdt.epochMilliseconds, zdt.epochMilliseconds + 9 * 86400e3)),
    'transition', cpu(() => zdt.getTimeZoneTransition('next')), 'toZDT', cpu(() => a.toZonedDateTime(z)), 'horizon', cpu(() => Temporal.Instant.fromEpochMilliseconds(1.8e12).toZonedDateTimeISO(z).add({ days: 120 }).epochMilliseconds));
}
