import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3303';
const pw = 'myomap-demo';
async function login(email) {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: pw }) });
  return r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
const cookie = await login('amira@demo.myomap.app');
const list = await (await fetch(`${base}/api/staff/patients?q=`, { headers: { cookie } })).json();
let best = null, referred = null;
for (const p of list.slice(0, 40)) {
  const rec = await (await fetch(`${base}/api/staff/patients/${p.id}`, { headers: { cookie } })).json();
  const score = (rec.notes?.length ?? 0) + (rec.episodes?.length ?? 0) * 3 + rec.changes.length + rec.intakeSuggestions.length * 5;
  if (!best || score > best.score) best = { id: p.id, score };
  if (rec.screening?.referred && !referred) referred = p.id;
}
console.log('best', best, 'referred', referred);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, id] of [['rich', best.id], ...(referred ? [['referred', referred]] : [])]) {
  for (const lang of ['en', 'ar']) {
    for (const width of [390, 768, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      const path = `/staff/patients/${id}`;
      await page.goto(`${base}/staff/sign-in?lang=${lang}&next=${encodeURIComponent(path)}`);
      await page.locator('input[type="email"]').fill(process.env.WHO ?? 'amira@demo.myomap.app');
      await page.locator('input[type="password"]').fill(pw);
      await page.locator('form button[type="submit"]').click();
      await page.waitForURL((u) => u.pathname === path);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/record-shots/${name}-${lang}-${width}.png`, fullPage: true });
      if (width !== 768) {
        await page.goto(`${base}${path}?view=timeline`);
        await page.locator('.record-timeline, .ui-empty').first().waitFor();
        await page.screenshot({ path: `/tmp/record-shots/${name}-timeline-${lang}-${width}.png`, fullPage: true });
      }
      await ctx.close();
    }
  }
}
await browser.close();
