import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
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
  const errorText = useErrorText();
  const language = useLanguage();
  const [consent, setConsent] = useState(initialConsent);
  const [error, setError] = useState<string>();
  const [alreadySubmitted, setAlreadySubmitted] = useState(false);
  /** Required questions the server said were missing when submitting. */
  const [serverMissing, setServerMissing] = useState<readonly string[]>([]);

  const sign = async (signature: ConsentSignature | undefined) => {
    if (!signature || consent.signed) return;
    const signed = await intakeApi.signConsent(target, { version: consent.version, language, ...signature });
    setConsent((c) => ({ ...c, signed: true, signedAt: signed.signedAt }));
  };

  const explain = async (caught: unknown) => {
    const details = caught instanceof ApiError ? (caught.details as { missing?: string[]; currentVersion?: string } | undefined) : undefined;
    if (caught instanceof ApiError && caught.status === 422 && details?.missing) {
      setServerMissing(details.missing);
      return setError(t('missing.title'));
    }
    if (caught instanceof ApiError && caught.status === 409 && details?.currentVersion) {
      // The consent text changed while the patient was reading: show the new one. Asked directly,
      // not through the view query, so the form keeps the answers it holds.
      const view = await intakeApi.view(target).catch(() => undefined);
      if (view) setConsent(view.consent);
      return setError(t('consent.stale'));
    }
    if (caught instanceof ApiError && caught.status === 409) return setAlreadySubmitted(true);
    return setError(errorText(caught));
  };

  /** Save what is pending, sign (when a signature is given and not signed yet), then submit unless only signing. */
  const sending = useMutation({
    // Sent even offline, so a dropped connection answers at once with "not saved" rather than waiting.
    networkMode: 'always',
    mutationFn: async ({ signature, signOnly }: { signature: ConsentSignature | undefined; signOnly: boolean }): Promise<SubmitResult | undefined> => {
      if (signOnly) {
        await sign(signature);
        return undefined;
      }
      if (!(await flush())) {
        setError(t('errors.notSaved'));
        return undefined;
      }
      await sign(signature);
      const outcome = await intakeApi.submit(target);
      clearLocalCopy(storageKey);
      return outcome;
    },
    onMutate: () => setError(undefined),
    // Awaited before the mutation settles, so the button stays busy while a new consent is fetched.
    onError: explain,
  });

  const send = (signature: ConsentSignature | undefined) => sending.mutate({ signature, signOnly: false });
  /** After the answers were sent without a consent (e.g. by reception): sign only. */
  const signOnly = (signature: ConsentSignature | undefined) => sending.mutate({ signature, signOnly: true });

  return { consent, busy: sending.isPending, error, result: sending.data, alreadySubmitted, serverMissing, send, signOnly };
}
