import type { ConsentText } from '@myomap/domain/screening/questionnaire-schemas';
import { useId, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import type { IntakeView } from '../api/intake-api.ts';
import { MissingQuestions, type MissingQuestion } from './missing-questions.tsx';
import { SignaturePad } from './signature-pad.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';

/** Keeps "2026-11-01" in order inside Arabic text (Unicode left-to-right isolate). */
const isolate = (text: string) => `\u2066${text}\u2069`;

export interface ConsentSignature {
  typedName: string;
  signature: string;
}

export interface ConsentStepProps {
  consent: IntakeView['consent'];
  /** The name given in the form, to start the typed name with. */
  defaultName: string;
  missing: readonly MissingQuestion[];
  onGoTo(linkId: string): void;
  busy: boolean;
  error: string | undefined;
  /** With a signature when the current consent is not signed yet. */
  onSend(signature: ConsentSignature | undefined): void;
}

/** The consent text: blank lines separate sections, a section's first line is its heading, "- " starts a list item. */
function ConsentBody({ text }: { text: ConsentText }) {
  const sections = text.body.split(/\n\s*\n/).map((block) => block.split('\n').filter((line) => line.trim() !== ''));
  return (
    <article className="ik-consent__text" lang={text.language} aria-label={text.title}>
      {sections.map((lines, i) => {
        const [first, ...rest] = lines;
        const heading = rest.length > 0 ? first : undefined;
        const body = heading ? rest : lines;
        const bullets = body.filter((line) => line.startsWith('- '));
        const paragraphs = body.filter((line) => !line.startsWith('- '));
        return (
          <section key={i}>
            {heading ? <h3>{heading}</h3> : null}
            {paragraphs.map((line, j) => (
              <p key={j}>{line}</p>
            ))}
            {bullets.length > 0 ? (
              <ul>
                {bullets.map((line, j) => (
                  <li key={j}>{line.slice(2)}</li>
                ))}
              </ul>
            ) : null}
          </section>
        );
      })}
    </article>
  );
}

export function ConsentStep({ consent, defaultName, missing, onGoTo, busy, error, onSend }: ConsentStepProps) {
  const { t } = useTranslation('intake');
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const [typedName, setTypedName] = useState(defaultName);
  const [signature, setSignature] = useState<string>();
  const [agreed, setAgreed] = useState(false);
  const [tried, setTried] = useState(false);
  const hintId = useId();
  const text = consent.texts.find((c) => c.language === language) ?? consent.texts[0];

  const nameProblem = typedName.trim().length < 2 ? t('consent.needName') : undefined;
  const signatureProblem = signature ? undefined : t('consent.needSignature');
  const agreeProblem = agreed ? undefined : t('consent.needAgree');

  const send = () => {
    setTried(true);
    if (missing.length > 0) return;
    if (consent.signed) return onSend(undefined);
    if (nameProblem || signatureProblem || agreeProblem || !signature) return;
    onSend({ typedName: typedName.trim(), signature });
  };

  return (
    <div className="ik-consent">
      <MissingQuestions missing={missing} onGoTo={onGoTo} />
      {consent.signed ? (
        <Alert tone="success" title={t('consent.title')}>
          <p>{t('consent.signedOn', { time: consent.signedAt ? formatInstant(consent.signedAt, timeZone, language, 'long') : '' })}</p>
        </Alert>
      ) : (
        <>
          <p className="ik-hint">{t('consent.intro')}</p>
          {text ? (
            // On a wide screen the document scrolls in its box: focusable, so a keyboard can scroll it too (WCAG 2.1.1).
            <div className="ik-consent__document" role="region" aria-label={text.title} tabIndex={0}>
              <p className="ik-consent__title">{text.title}</p>
              <p className="ik-consent__version">{t('consent.version', { version: isolate(consent.version) })}</p>
              <ConsentBody text={text} />
            </div>
          ) : null}
          <TextField
            label={t('consent.typedName')}
            hint={t('consent.typedNameHint')}
            autoComplete="name"
            value={typedName}
            maxLength={200}
            error={tried ? nameProblem : undefined}
            onChange={(event) => setTypedName(event.target.value)}
          />
          <div className="ui-field">
            <p className="ui-field__label" id={`${hintId}-label`}>
              {t('consent.signature')}
            </p>
            <p className="ui-field__hint" id={hintId}>
              {t('consent.signatureHint')}
            </p>
            <SignaturePad
              label={t('consent.signatureLabel')}
              clearLabel={t('consent.clear')}
              typedLabel={t('consent.useTypedName')}
              typedName={typedName}
              describedBy={hintId}
              invalid={tried && Boolean(signatureProblem)}
              onChange={setSignature}
            />
            {tried && signatureProblem ? <p className="ui-field__error">{signatureProblem}</p> : null}
          </div>
          <label className={`ik-agree${tried && agreeProblem ? ' ik-agree--invalid' : ''}`}>
            <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
            <span>{t('consent.agree')}</span>
          </label>
          {tried && agreeProblem ? <p className="ui-field__error">{agreeProblem}</p> : null}
        </>
      )}
      {tried && missing.length > 0 ? <p className="ui-field__error">{t('consent.needAnswers')}</p> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button size="lg" block busy={busy} onClick={send}>
        {consent.signed ? t('consent.submitSigned') : t('consent.submit')}
      </Button>
    </div>
  );
}
