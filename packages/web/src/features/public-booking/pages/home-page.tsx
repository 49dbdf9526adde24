import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonAnchor, ButtonLink } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { clinicQuery } from '../../../lib/clinic/clinic-query.ts';
import { servicesQuery } from '../api/public-booking-queries.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { formatPrice } from '../lib/format-price.ts';
import { SkeletonList } from '../components/skeleton-list.tsx';

const ASSESS = ['pain', 'triggerPoints', 'nerves', 'posture', 'gait', 'factors'] as const;
const TECHNIQUES = ['ischemic', 'met', 'pnf', 'stretching'] as const;
const NOT = ['cure', 'diagnosis', 'spa', 'promise'] as const;

// The safety text (knowledge-base/screening/patient-advice.json, shared with the intake and the emails) is
// its own chunk, asked for as soon as this page's code runs, so the first screen does not wait for it.
const adviceModule = import('../components/safety-advice.tsx');
const AftercareAdvice = lazy(() => adviceModule.then((m) => ({ default: m.AftercareAdvice })));
const DoctorSigns = lazy(() => adviceModule.then((m) => ({ default: m.DoctorSigns })));

function Hero() {
  const { t } = useTranslation('booking');
  const clinic = useQuery(clinicQuery).data;
  const { pick } = useLanguage();
  return (
    <section className="pb-hero" aria-labelledby="home-title">
      <div className="pb-hero__text">
        <p className="pb-eyebrow">{t('home.eyebrow')}</p>
        <h1 id="home-title" className="pb-hero__title">
          {t('home.title')}
        </h1>
        <p className="pb-hero__lead">{t('home.lead')}</p>
        <div className="pb-hero__actions">
          <ButtonLink to="/book" size="lg">
            {t('home.cta')}
          </ButtonLink>
          <ButtonAnchor href="#after" variant="secondary" size="lg">
            {t('home.learnMore')}
          </ButtonAnchor>
        </div>
      </div>
      <Card as="aside" className="pb-contact" aria-labelledby="contact-title">
        <h2 id="contact-title" className="pb-contact__title">
          {t('home.contactTitle')}
        </h2>
        {clinic ? (
          <dl className="pb-contact__list">
            <div>
              <dt>{t('home.address')}</dt>
              <dd>
                {pick(clinic.name)}
                <br />
                {pick(clinic.address)}
              </dd>
            </div>
            <div>
              <dt>{t('home.phone')}</dt>
              <dd>
                <a href={`tel:${clinic.phone.replace(/\s/g, '')}`} dir="ltr">
                  {clinic.phone}
                </a>
              </dd>
            </div>
            <div>
              <dt>{t('home.email')}</dt>
              <dd>
                <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
              </dd>
            </div>
          </dl>
        ) : null}
      </Card>
    </section>
  );
}

function Services() {
  const { t } = useTranslation('booking');
  const { t: tc } = useTranslation('common');
  const { data: services, isPending } = useQuery(servicesQuery);
  const { language, pick } = useLanguage();
  if (isPending) {
    return (
      <section className="pb-section" aria-labelledby="services-title">
        <h2 id="services-title">{t('home.services.title')}</h2>
        <p className="pb-section__intro">{t('home.services.intro')}</p>
        <SkeletonList label={tc('loading')} count={4} className="pb-service-list" itemClassName="pb-skeleton--service" />
      </section>
    );
  }
  if (!services || services.length === 0) return null;
  return (
    <section className="pb-section" aria-labelledby="services-title">
      <h2 id="services-title">{t('home.services.title')}</h2>
      <p className="pb-section__intro">{t('home.services.intro')}</p>
      <ul className="pb-service-list">
        {services.map((service) => (
          <li key={service.id}>
            <Card as="article" className="pb-service-summary">
              <h3>{pick(service.names)}</h3>
              <MutedText>{pick(service.description)}</MutedText>
              <p className="pb-service-summary__meta">
                <span>{t('home.services.minutes', { minutes: service.durationMinutes })}</span>
                {service.priceAed !== null ? <span>{formatPrice(service.priceAed, language)}</span> : null}
              </p>
              <ButtonLink
                to={`/book?service=${encodeURIComponent(service.id)}`}
                variant="secondary"
                aria-label={`${t('home.services.book')}: ${pick(service.names)}`}
              >
                {t('home.services.book')}
              </ButtonLink>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation('booking');
  useDocumentTitle(t('home.eyebrow'));
  const clinic = useQuery(clinicQuery).data;
  return (
    <div className="pb-page pb-home">
      <Hero />

      <section className="pb-section pb-prose" aria-labelledby="what-title">
        <h2 id="what-title">{t('home.what.title')}</h2>
        <p>{t('home.what.p1')}</p>
        <p>{t('home.what.p2')}</p>
      </section>

      <section className="pb-section" aria-labelledby="assess-title">
        <h2 id="assess-title">{t('home.assess.title')}</h2>
        <p className="pb-section__intro">{t('home.assess.intro')}</p>
        <ul className="pb-tiles">
          {ASSESS.map((key) => (
            <li key={key} className="pb-tile">
              <h3>{t(`home.assess.${key}.title`)}</h3>
              <p>{t(`home.assess.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="pb-section" aria-labelledby="techniques-title">
        <h2 id="techniques-title">{t('home.techniques.title')}</h2>
        <p className="pb-section__intro">{t('home.techniques.intro')}</p>
        <dl className="pb-definitions">
          {TECHNIQUES.map((key) => (
            <div key={key}>
              <dt>{t(`home.techniques.${key}.title`)}</dt>
              <dd>{t(`home.techniques.${key}.body`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="pb-two-col">
        <section className="pb-section pb-prose" aria-labelledby="not-title">
          <h2 id="not-title">{t('home.not.title')}</h2>
          <ul className="pb-bullets">
            {NOT.map((key) => (
              <li key={key}>{t(`home.not.${key}`)}</li>
            ))}
          </ul>
        </section>
        <section className="pb-section pb-prose" id="after" aria-labelledby="after-title">
          <h2 id="after-title">{t('home.after.title')}</h2>
          <ul className="pb-bullets">
            <Suspense fallback={null}>
              <AftercareAdvice />
            </Suspense>
            <li>{t('home.after.advice')}</li>
          </ul>
        </section>
      </div>

      <section className="pb-section pb-doctor" aria-labelledby="doctor-title">
        <h2 id="doctor-title">{t('home.doctor.title')}</h2>
        <p>{t('home.doctor.intro')}</p>
        <Suspense fallback={<div className="pb-doctor__placeholder" aria-busy="true" />}>
          <DoctorSigns />
        </Suspense>
        <p className="pb-doctor__note">{t('home.doctor.note')}</p>
        {clinic ? (
          <ButtonAnchor href={`tel:${clinic.phone.replace(/\s/g, '')}`} variant="secondary">
            {t('common.callClinic')} <span dir="ltr">{clinic.phone}</span>
          </ButtonAnchor>
        ) : null}
      </section>

      <Services />

      <section className="pb-cta-band" aria-labelledby="cta-title">
        <h2 id="cta-title">{t('home.ctaBand.title')}</h2>
        <p>{t('home.ctaBand.body')}</p>
        <ButtonLink to="/book" size="lg">
          {t('home.cta')}
        </ButtonLink>
      </section>
    </div>
  );
}
