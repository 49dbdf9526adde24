import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { educationApi, type ArticleLang } from '../api/education-api.ts';

/**
 * Takes the published version off the public page (permission article.withdraw): readers see the
 * previous published version at once, or no page. A reason is required; it goes to the audit log.
 */
export function WithdrawPanel({ slug, lang, version }: { slug: string; lang: ArticleLang; version: number | undefined }) {
  const { t } = useTranslation('education');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string>();
  const withdraw = useMutation({
    mutationFn: () => educationApi.withdraw(slug, lang, reason.trim()),
    onSuccess: async (result) => {
      setReason('');
      setNotice(
        result.published
          ? t('withdraw.done', { version: result.withdrawn.version, now: result.published.version })
          : t('withdraw.doneNone', { version: result.withdrawn.version }),
      );
      await queryClient.invalidateQueries({ queryKey: ['education'] });
    },
  });
  return (
    <section className="edu-stack" aria-labelledby="edu-withdraw">
      <h2 id="edu-withdraw">{t('withdraw.title')}</h2>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {withdraw.error ? <Alert tone="error">{errorText(withdraw.error)}</Alert> : null}
      {version === undefined ? (
        <p>{t('withdraw.nothing')}</p>
      ) : (
        <form
          className="edu-stack"
          onSubmit={(event) => {
            event.preventDefault();
            withdraw.mutate();
          }}
        >
          <p>{t('withdraw.lead', { version })}</p>
          <TextField label={t('withdraw.reason')} value={reason} maxLength={500} required onChange={(e) => setReason(e.target.value)} dir="auto" />
          <div className="edu-actions">
            <Button type="submit" variant="danger" busy={withdraw.isPending} disabled={reason.trim() === ''}>
              {t('withdraw.submit', { version })}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
