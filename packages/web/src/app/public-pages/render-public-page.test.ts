import { describe, expect, it } from 'vitest';
import { patientAdvice } from '@myomap/domain/screening/patient-advice';
import { renderPublicPage, type PublicPageData } from './render-public-page.tsx';

const data: PublicPageData = {
  clinic: {
    name: { en: 'Dr. Amal Al Qedrah Medical Center', ar: 'مركز الدكتورة أمل القدرة الطبي' },
    address: { en: 'Sharjah, United Arab Emirates', ar: 'الشارقة، الإمارات العربية المتحدة' },
    phone: '+971 6 000 0000',
    email: 'clinic@example.com',
    timeZone: 'Asia/Dubai',
    cancellationWindowHours: 24,
    minNoticeMinutes: 120,
    horizonDays: 60,
  },
  services: [
    {
      id: 'svc-first',
      name: 'First assessment',
      names: { en: 'First assessment', ar: 'التقييم الأول' },
      description: { en: 'Where the pain comes from.', ar: 'من أين يأتي الألم.' },
      durationMinutes: 90,
      practitionerKind: 'therapist',
      priceAed: 450,
      practitionerIds: ['pr-1'],
    },
    // A longer page: React would send large parts out of order when streaming.
    ...Array.from({ length: 12 }, (_, i) => ({
      id: `svc-${i}`,
      name: `Service ${i}`,
      names: { en: `Service ${i}`, ar: `خدمة ${i}` },
      description: { en: 'A description long enough to matter. '.repeat(5), ar: 'وصف. '.repeat(10) },
      durationMinutes: 60,
      practitionerKind: 'therapist',
      priceAed: 300,
      practitionerIds: [],
    })),
  ],
};

describe('renderPublicPage', () => {
  it('renders the home page in English as HTML a browser shows without the app', async () => {
    const page = await renderPublicPage('home', 'en', data, 'https://clinic.example');
    expect(page.title).toBe('Neuromuscular therapy in Sharjah · Dr. Amal Al Qedrah Medical Center');
    expect(page.description).toMatch(/^We start by finding where your pain comes from/);
    expect(page.html).toContain('<h1 id="home-title" class="pb-hero__title">');
    // The clinic's contact details and its services, from the data the server read.
    expect(page.html).toContain('+971 6 000 0000');
    expect(page.html).toContain('<h3>First assessment</h3>');
    expect(page.html).toContain('href="/book?service=svc-first"');
    // The safety advice (a lazy part in the app) is in the page, not its placeholder.
    expect(page.html).toContain(patientAdvice.aftercare[0]?.text.en);
    expect(page.html).not.toContain('pb-doctor__placeholder');
    // All in order, visible, with no script to finish it (the CSP would refuse an inline one).
    expect(page.html).not.toMatch(/<script|<div hidden/);
    // The language switch is a link, which works without a script.
    expect(page.html).toMatch(/<a class="ui-language-switch" lang="ar" hrefLang="ar" href="\?lang=ar">/);
    expect(page.jsonLd).toEqual([
      expect.objectContaining({
        '@type': 'MedicalClinic',
        name: 'Dr. Amal Al Qedrah Medical Center',
        url: 'https://clinic.example/',
        telephone: '+971 6 000 0000',
      }),
    ]);
  });

  it('renders it in Arabic, with the Arabic names of the clinic and its services', async () => {
    const page = await renderPublicPage('home', 'ar', data, 'https://clinic.example');
    expect(page.title).toBe('العلاج العصبي العضلي في الشارقة · مركز الدكتورة أمل القدرة الطبي');
    expect(page.html).toContain('<h3>التقييم الأول</h3>');
    expect(page.html).toContain(patientAdvice.aftercare[0]?.text.ar);
    expect(page.html).toMatch(/href="\?lang=en">.*English<\/a>/);
    expect(page.html).not.toContain('First assessment');
    expect(page.jsonLd[0]).toMatchObject({ name: 'مركز الدكتورة أمل القدرة الطبي', alternateName: 'Dr. Amal Al Qedrah Medical Center' });
  });

  it("draws the booking page's first step as the app draws it, each service a form that opens the next step", async () => {
    for (const language of ['en', 'ar'] as const) {
      const page = await renderPublicPage('book', language, data, 'https://clinic.example');
      expect(page.withApp).toBe(true);
      expect(page.title).toBe(language === 'ar' ? 'احجز موعداً · مركز الدكتورة أمل القدرة الطبي' : 'Book a visit · Dr. Amal Al Qedrah Medical Center');
      // The services, in the reader's language, each a submit button in a GET form to /book?service=…
      expect(page.html).toContain(`<span class="pb-choice__title">${language === 'ar' ? 'التقييم الأول' : 'First assessment'}</span>`);
      expect(page.html).toMatch(
        /<form class="pb-choice-form" action="\/book" method="get"><input type="hidden" name="service" value="svc-first"\/><button type="submit" class="pb-choice" aria-pressed="false">/,
      );
      // As the app renders it (the language switch a button, not a static page's link), and no skeleton: the list is there.
      expect(page.html).toMatch(/<button type="button" class="ui-language-switch"/);
      expect(page.html).not.toContain('pb-skeleton');
      expect(page.html).not.toMatch(/<script|<div hidden/);
    }
    const home = await renderPublicPage('home', 'en', data, 'https://clinic.example');
    expect(home.withApp).toBe(false);
  });
});
