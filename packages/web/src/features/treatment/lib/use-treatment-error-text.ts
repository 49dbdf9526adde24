import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { isOneOf } from '../../../lib/i18n/keys.ts';

/** Codes for which a plan or note editor says more than the app-wide sentence (e.g. how to co-sign). */
const SPECIFIC = ['validation_failed', 'conflict', 'forbidden', 'not_author', 'visit_in_future', 'precaution_conflict'] as const;

/** A failed plan or note action in the reader's language: the editor's own line where it has one, else the app's errors namespace. */
export function useTreatmentErrorText(): (error: unknown) => string {
  const { t } = useTranslation('treatment');
  const errorText = useErrorText();
  return useCallback(
    (error: unknown) => {
      const code = error instanceof ApiError ? error.code : undefined;
      return isOneOf(SPECIFIC, code) ? t(`errors.${code}`) : errorText(error);
    },
    [t, errorText],
  );
}

/** The server has no such record (or the link's token is unknown): the page says so instead of an error. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
