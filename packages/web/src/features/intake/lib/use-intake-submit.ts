import { useState } from 'react';
import { ApiError } from '../../../lib/api/api-client.ts';
import { intakeApi, type IntakeTarget, type IntakeView, type SubmitResult } from '../api/intake-api.ts';
import type { ConsentSignature } from '../components/consent-step.tsx';
import { clearLocalCopy } from './intake-storage.ts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';

interface SubmitOptions {
  target: IntakeTarget;
  storageKey: string;
  initialConsent: IntakeView['consent'];
  /** Sends pending answers; true when the server has the latest ones. */
  flush(): Promise<boolean>;
}

/**
 * Sending: save what is pending, sign the consent (when not signed yet), then submit for
 * screening. Each step is its own request, so a failure leaves the earlier ones done.
 */
export function useIntakeSubmit({ target, storageKey, initialConsent, flush }: SubmitOptions) {
  const { t } = useTranslation('intake');
  const language = useLanguage();
  const [consent, setConsent] = useState(initialConsent);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<SubmitResult>();
  const [alreadySubmitted, setAlreadySubmitted] = useState(false);
  /** Required questions the server said were missing when submitting. */
  const [serverMissing, setServerMissing] = useState<readonly string[]>([]);

  const sign = async (signature: ConsentSignature | undefined) => {
    if (!signature || consent.signed) return;
    const signed = await intakeApi.signConsent(target, { version: consent.version, language, ...signature });
    setConsent((c) => ({ ...c, signed: true, signedAt: signed.signedAt }));
  };

  const explain = async (caught: unknown) => {
    if (!(caught instanceof ApiError)) return setError(t('errors.generic'));
    const details = caught.details as { missing?: string[]; currentVersion?: string } | undefined;
    if (caught.status === 422 && details?.missing) {
      setServerMissing(details.missing);
      return setError(t('missing.title'));
    }
    if (caught.status === 409 && details?.currentVersion) {
      // The consent text changed while the patient was reading: show the new one.
      const view = await intakeApi.view(target).catch(() => undefined);
      if (view) setConsent(view.consent);
      return setError(t('consent.stale'));
    }
    if (caught.status === 409) return setAlreadySubmitted(true);
    return setError(caught.status === 0 ? t('errors.network') : t('errors.generic'));
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      await explain(caught);
    } finally {
      setBusy(false);
    }
  };

  const send = (signature: ConsentSignature | undefined) =>
    run(async () => {
      if (!(await flush())) return setError(t('errors.notSaved'));
      await sign(signature);
      const outcome = await intakeApi.submit(target);
      clearLocalCopy(storageKey);
      setResult(outcome);
    });

  /** After the answers were sent without a consent (e.g. by reception): sign only. */
  const signOnly = (signature: ConsentSignature | undefined) => run(() => sign(signature));

  return { consent, busy, error, result, alreadySubmitted, serverMissing, send, signOnly };
}
