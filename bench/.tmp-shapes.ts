import { indexBusyIntervals } from '../packages/domain/src/scheduling/index-busy-intervals.ts';
const cpu = (f: () => void, n = 30) => { for (let i=0;i<3;i++) f(); const s = process.cpuUsage(); for (let i=0;i<n;i++) f(); const d = process.cpuUsage(s); return ((d.user+d.system)/1000/n).toFixed(3); };
const N = 100000; const ids = Array.from({length:30},(_,i)=>`prac-${String(i).padStart(2,'0')}`); const rooms = Array.from({length:10},(_,i)=>`room-${i}`);
let seed = 1; const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const spread: any[] = [], plain: any[] = [];
for (let i = 0; i < N; i++) {
  const start = Math.floor(r() * 90 * 86400e3), end = start + 3600e3; const p = ids[Math.floor(r()*30)]; const k = r(); const room = rooms[Math.floor(r()*10)];
  spread.push({ ...(k < 0.9 ? { practitionerId: p } : {}), ...(k < 0.65 || k >= 0.9 ? { roomId: room } : {}), start, end });
  plain.push({ practitionerId: k < 0.9 ? p : undefined, roomId: k < 0.65 || k >= 0.9 ? room : undefined, start, end });
}

console.log('plain', cpu(() => indexBusyIntervals(plain, 20*86400e3, 29*86400e3, ids, rooms)));
console.log('loop-only spread', cpu(() => { let c = 0; for (const x of spread) if (x.start < 29*86400e3 && x.end > 20*86400e3) c++; return c; }));
console.log('loop-only plain', cpu(() => { let c = 0; for (const x of plain) if (x.start < 29*86400e3 && x.end > 20*86400e3) c++; return c; }));
