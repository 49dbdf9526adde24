import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isKeyOf } from '../i18n/keys.ts';
import { ApiError } from './api-client.ts';
import { en } from './locales/errors.en.ts';

/** The one error translation: a coded API error (or a failed fetch) as a sentence in the reader's language. */
export function errorKey(error: unknown): keyof typeof en {
  if (error instanceof ApiError && isKeyOf(en, error.code)) return error.code;
  return 'unknown_error';
}

/** `const errorText = useErrorText(); … <Alert>{errorText(error)}</Alert>` on every screen, staff or public. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation('errors');
  return useCallback((error: unknown) => t(errorKey(error)), [t]);
}
