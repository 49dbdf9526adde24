import type { ClinicSettings } from '../stores/clinic-store.ts';
import type { Language } from './booking-messages.ts';

/**
 * The HTML part of every patient email, made from the plain-text part so the two cannot say
 * different things (the aftercare advice is checked against the public page in the text; the
 * HTML inherits it). Table layout and inline styles, because that is what mail clients render
 * (Outlook ignores most CSS; Gmail drops <style> in some views). Every interpolated value goes
 * through `escapeHtml`; only links to the clinic's own site (`linkBase`) become links.
 */
export interface EmailHtmlInput {
  language: Language;
  clinic: ClinicSettings;
  subject: string;
  /** The plain-text body without the footer: blank lines part paragraphs, "- " lines are a list. */
  text: string;
  /** PUBLIC_URL: the only links the HTML makes clickable (a name holding a URL stays text). */
  linkBase: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The one escaping helper: text and attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// Brand colours of the emails (the web app's tokens.css cannot reach a mail client).
const INK = '#1d2b2a';
const MUTED = '#56605f';
const BRAND = '#1f5f5b';
const PAGE = '#f3f1ec';
const RULE = '#e2ded6';

/** Short button labels by the page a link opens; the sentence before the link says why. */
const ACTIONS: { path: RegExp; label: Record<Language, string> }[] = [
  { path: /^\/booking\//, label: { en: 'Manage your booking', ar: 'إدارة الحجز' } },
  { path: /^\/intake\//, label: { en: 'Fill in the intake form', ar: 'تعبئة استمارة القبول' } },
  { path: /^\/aftercare\//, label: { en: 'Tell us how you are', ar: 'أخبرنا عن حالك' } },
  { path: /^\/measures\//, label: { en: 'Answer the questions', ar: 'الإجابة عن الأسئلة' } },
  { path: /^\/waitlist\/offer\//, label: { en: 'Confirm this time', ar: 'تأكيد هذا الموعد' } },
  { path: /^\/book\b/, label: { en: 'Book a visit', ar: 'احجز موعداً' } },
];

const LINE_ENDING_IN_URL = /^(.*?)[:：]?\s*(https?:\/\/\S+)$/;

/** A map link: the clinic's own, or a map search for its address. */
export function clinicMapUrl(clinic: ClinicSettings, language: Language): string {
  if (clinic.mapUrl) return clinic.mapUrl;
  const place = `${clinic.name[language]}, ${clinic.address[language]}`;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(place)}`;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

const FOOTER: Record<Language, { call: string; map: string }> = {
  en: { call: 'Phone', map: 'Map and directions' },
  ar: { call: 'الهاتف', map: 'الخريطة والاتجاهات' },
};

/** The footer of the plain-text part: the same facts as the HTML footer. */
export function textFooter(clinic: ClinicSettings, language: Language): string {
  const words = FOOTER[language];
  return [
    '--',
    clinic.name[language],
    clinic.address[language],
    clinic.phone ? `${words.call}: ${clinic.phone}` : '',
    `${words.map}: ${clinicMapUrl(clinic, language)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderEmailHtml(input: EmailHtmlInput): string {
  const { language, clinic } = input;
  const rtl = language === 'ar';
  const align = rtl ? 'right' : 'left';
  const font = rtl ? "Tahoma, 'Segoe UI', Arial, sans-serif" : "'Segoe UI', Helvetica, Arial, sans-serif";
  const name = escapeHtml(clinic.name[language]);
  const words = FOOTER[language];
  const footer = [
    `<strong style="color:${INK}">${name}</strong>`,
    clinic.address[language] ? escapeHtml(clinic.address[language]) : '',
    clinic.phone
      ? `${words.call}: <a href="${escapeHtml(telHref(clinic.phone))}" style="color:${BRAND}"><span dir="ltr">${escapeHtml(clinic.phone)}</span></a>`
      : '',
    `<a href="${escapeHtml(clinicMapUrl(clinic, language))}" style="color:${BRAND}">${words.map}</a>`,
  ]
    .filter(Boolean)
    .join('<br>');
  return `<!doctype html>
<html lang="${language}" dir="${rtl ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(input.subject)}</title>
</head>
<body style="margin:0;padding:0;background:${PAGE};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${PAGE};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${rtl ? 'rtl' : 'ltr'}" style="max-width:600px;background:#ffffff;border:1px solid ${RULE};border-radius:8px;font-family:${font};">
<tr><td style="padding:18px 24px;background:${BRAND};border-radius:8px 8px 0 0;color:#ffffff;font-size:20px;font-weight:bold;text-align:${align};">${name}</td></tr>
<tr><td style="padding:24px;color:${INK};font-size:16px;line-height:1.6;text-align:${align};">
${renderBody(input, align)}
</td></tr>
<tr><td style="padding:16px 24px 24px;border-top:1px solid ${RULE};color:${MUTED};font-size:14px;line-height:1.6;text-align:${align};">${footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function renderBody(input: EmailHtmlInput, align: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(`<p style="margin:0 0 16px;">${paragraph.join('<br>')}</p>`);
    if (list.length) out.push(`<ul style="margin:0 0 16px;padding:0;padding-${align}:24px;">${list.join('')}</ul>`);
    paragraph = [];
    list = [];
  };
  for (const line of input.text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    if (trimmed.startsWith('- ')) {
      if (paragraph.length) flush();
      list.push(`<li style="margin:0 0 6px;">${inline(trimmed.slice(2), input)}</li>`);
      continue;
    }
    if (list.length) flush();
    const action = actionOf(trimmed, input);
    if (action) {
      if (action.lead) paragraph.push(escapeHtml(action.lead));
      flush();
      out.push(button(action.url, action.label));
      continue;
    }
    paragraph.push(inline(trimmed, input));
  }
  flush();
  return out.join('\n');
}

/** A line that ends in a link to one of the clinic's pages becomes its sentence and a button. */
function actionOf(line: string, input: EmailHtmlInput): { lead: string; url: string; label: string } | null {
  const match = LINE_ENDING_IN_URL.exec(line);
  const url = match?.[2];
  if (!url || !url.startsWith(`${input.linkBase}/`)) return null;
  const path = url.slice(input.linkBase.length);
  const label = ACTIONS.find((a) => a.path.test(path))?.label[input.language] ?? (input.language === 'ar' ? 'فتح الرابط' : 'Open the link');
  return { lead: (match[1] ?? '').trim(), url, label };
}

function button(url: string, label: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px;"><tr><td style="border-radius:6px;background:${BRAND};"><a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 22px;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:6px;">${escapeHtml(label)}</a></td></tr></table>`;
}

/**
 * Escapes a line and makes the clinic's own links and its phone number clickable, each kept
 * left-to-right inside Arabic text (else "+971 6 000 0000" reads "0000 000 6 971+").
 */
function inline(line: string, input: EmailHtmlInput): string {
  const phone = input.clinic.phone ? escapeHtml(input.clinic.phone) : '';
  return line
    .split(/(https?:\/\/\S+)/)
    .map((part, i) => {
      if (i % 2 === 1 && part.startsWith(`${input.linkBase}/`)) {
        return `<a href="${escapeHtml(part)}" style="color:${BRAND};" dir="ltr">${escapeHtml(part)}</a>`;
      }
      const text = escapeHtml(part);
      return phone ? text.split(phone).join(`<a href="${escapeHtml(telHref(input.clinic.phone))}" style="color:${BRAND};" dir="ltr">${phone}</a>`) : text;
    })
    .join('');
}
