import { describe, expect, it } from 'vitest';
import type { ClinicSettings } from '../stores/clinic-store.ts';
import { clinicMapUrl, escapeHtml, renderEmailHtml, textFooter } from './email-html.ts';

const clinic: ClinicSettings = {
  name: { en: 'Myomap & Co "Sharjah"', ar: 'مايومap الشارقة' },
  address: { en: 'Al Majaz 2, Sharjah', ar: 'المجاز 2، الشارقة' },
  phone: '+971 6 000 0000',
  email: 'clinic@example.com',
  mapUrl: '',
  timeZone: 'Asia/Dubai',
  slotStepMinutes: 15,
  minNoticeMinutes: 120,
  horizonDays: 60,
  cancellationWindowHours: 24,
  waitlistHoldMinutes: 30,
  reminderHoursBefore: 24,
};
const base = 'https://clinic.example';

describe('email HTML', () => {
  it('escapes text and attribute values alike', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('makes only the clinic’s own links clickable: a link typed into a name stays text', () => {
    const html = renderEmailHtml({
      language: 'en',
      clinic,
      subject: 'Hi',
      text: `Hello http://evil.example/x "><img src=x>,\n\nView, cancel or change it: ${base}/booking/MM-1?token=abc`,
      linkBase: base,
    });
    expect(html).not.toContain('href="http://evil.example');
    expect(html).toContain('Hello http://evil.example/x &quot;&gt;&lt;img src=x&gt;,');
    expect(html).toContain(`<a href="${base}/booking/MM-1?token=abc"`);
    expect(html).toContain('>Manage your booking</a>');
    expect(html).toContain('View, cancel or change it</p>');
    expect(html).toContain('Myomap &amp; Co &quot;Sharjah&quot;');
  });

  it('writes Arabic right to left, with the phone kept left to right and a list for "- " lines', () => {
    const html = renderEmailHtml({ language: 'ar', clinic, subject: 'مرحبا', text: 'اتصل بالعيادة (+971 6 000 0000):\n- أول\n- ثانٍ', linkBase: base });
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(html).toContain('text-align:right');
    expect(html).toContain('<a href="tel:+97160000000" style="color:#1f5f5b;" dir="ltr">+971 6 000 0000</a>');
    expect(html).toMatch(/<ul[^>]*><li[^>]*>أول<\/li><li[^>]*>ثانٍ<\/li><\/ul>/);
    expect(html).toContain('المجاز 2، الشارقة');
  });

  it('links a map search for the address when the clinic has no map link, and its own when it has', () => {
    expect(clinicMapUrl(clinic, 'en')).toBe(
      'https://www.google.com/maps/search/?api=1&query=Myomap%20%26%20Co%20%22Sharjah%22%2C%20Al%20Majaz%202%2C%20Sharjah',
    );
    expect(clinicMapUrl({ ...clinic, mapUrl: 'https://maps.app.goo.gl/abc' }, 'ar')).toBe('https://maps.app.goo.gl/abc');
    expect(textFooter({ ...clinic, mapUrl: 'https://maps.app.goo.gl/abc' }, 'en')).toBe(
      '--\nMyomap & Co "Sharjah"\nAl Majaz 2, Sharjah\nPhone: +971 6 000 0000\nMap and directions: https://maps.app.goo.gl/abc',
    );
  });
});
