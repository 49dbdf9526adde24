import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { ButtonLink } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { adoptPortalSession, signInByLink } from '../api/portal-api.ts';

/** /portal/sign-in?token=…: the emailed link. Used once, then the address is replaced so the token leaves the history. */
export function PortalLinkPage() {
  const { t } = useTranslation('portal');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const started = useRef(false);
  const signIn = useMutation({
    mutationFn: () => signInByLink(token),
    onSuccess: async (session) => {
      await adoptPortalSession(queryClient, session);
      void navigate('/portal', { replace: true });
    },
  });
  useEffect(() => {
    // Once: a second POST of a one-time link would fail and hide the first one's success (React runs effects twice in development).
    if (started.current || !token) return;
    started.current = true;
    signIn.mutate();
  }, [signIn, token]);

  if (signIn.isError || !token) {
    return (
      <div className="pt-narrow">
        <Alert tone="error" title={t('signIn.linkFailed')} actions={<ButtonLink to="/portal">{t('signIn.askAgain')}</ButtonLink>} />
      </div>
    );
  }
  return <LoadingState label={t('signIn.linkTitle')} />;
}
