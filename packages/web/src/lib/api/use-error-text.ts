import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.ts';
import type { ErrorTexts } from './locales/errors.en.ts';

/**
 * The one error translation: a coded API error (or a failed fetch) as a sentence in the reader's
 * language. The codes are read from the loaded `errors` namespace, not from the English file, so a
 * page in Arabic does not download the English text.
 */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation('errors');
  return useCallback(
    (error: unknown) => {
      const code = error instanceof ApiError && i18n.exists(error.code, { ns: 'errors' }) ? (error.code as keyof ErrorTexts) : 'unknown_error';
      return t(code);
    },
    [t, i18n],
  );
}
