import { ZONE_DRAWINGS } from '@myomap/domain/knowledge/body-chart-geometry';
import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import { describe, expect, it } from 'vitest';
import { buildBodyMap, renderBodyMap } from './body-map.ts';

const ids = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1] as string);

describe('the referral body map', () => {
  const map = buildBodyMap();
  const zones = map.regions.flatMap((region) => region.zones);

  it('lists every zone some muscle refers pain to, with exactly those muscles', () => {
    const referred = new Set(knowledgeBase.muscles.flatMap((m) => m.referral.primary));
    expect(new Set(zones.map((z) => z.id))).toEqual(referred);
    for (const zone of zones) {
      const expected = knowledgeBase.muscles.filter((m) => m.referral.primary.includes(zone.id)).map((m) => m.name.en);
      expect(zone.muscles.map((m) => m.name.en)).toEqual(expected);
    }
  });

  it('cites each muscle’s own sources from one bibliography', () => {
    const temporalis = knowledgeBase.muscles.find((m) => m.id === 'temporalis');
    const listed = zones.find((z) => z.id === 'temple')?.muscles.find((m) => m.name.en === 'Temporalis');
    expect(listed?.sources.map((n) => map.bibliography[n - 1]).sort()).toEqual([...new Set(temporalis?.sources.map((s) => s.citation))].sort());
  });

  it('draws every listed zone on the figure, each a link to its list entry', () => {
    for (const zone of zones) expect(ZONE_DRAWINGS[zone.id], zone.id).toBeDefined();
    for (const lang of ['en', 'ar'] as const) {
      const html = renderBodyMap(lang);
      const links = ids(html, /<a class="edu-map__zone" href="#map-([a-z0-9_]+)"/g);
      const entries = ids(html, /<ul id="map-([a-z0-9_]+)" class="edu-map__muscles">/g);
      expect(links.sort()).toEqual(entries.sort());
      expect(entries).toHaveLength(zones.length);
      // Every source number a muscle shows has its entry in the bibliography.
      const cited = new Set(ids(html, /href="#map-source-(\d+)"/g));
      const listed = new Set(ids(html, /<li id="map-source-(\d+)">/g));
      expect([...cited].every((n) => listed.has(n))).toBe(true);
    }
  });

  it('labels the areas in the page’s language and says whose left and right the figure shows', () => {
    const ar = renderBodyMap('ar');
    expect(ar).toContain('aria-label="الصدغ"');
    expect(ar).toContain('يمين المريض');
    expect(ar).toContain('العضلة الصدغية <span lang="en" dir="ltr">(Temporalis)</span>');
    const en = renderBodyMap('en');
    expect(en).toContain('aria-label="Temple"');
    expect(en).toContain('the patient’s right side is on your left');
  });
});
