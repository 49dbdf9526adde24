import { checkPasswordPolicy } from '@myomap/domain/accounts/check-password-policy';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { contractResolver, isEmail, requireText } from '../../../lib/forms/contract-resolver.ts';
import { useFieldErrorText } from '../../../lib/forms/field-error.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { accountLinkQuery } from '../api/staff-queries.ts';
import { accountsApi, type LinkInfo } from './accounts-api.ts';
import { passwordProblemsText } from './password-problems.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

interface LinkForm {
  name: string;
  email: string;
  password: string;
  confirm: string;
}

type LinkBody = Parameters<typeof accountsApi.useLink>[1];

// POST /api/auth/links/:token's body schema is still in account-links.routes.ts. The password
// meets the domain's own policy (checkPasswordPolicy, which the server applies too); the setup
// link also asks for a name and an email.
function linkResolver(purpose: LinkInfo['purpose'], linkEmail: string | undefined) {
  return contractResolver<LinkForm, LinkBody>(null, {
    toBody: (form) => (purpose === 'setup' ? { password: form.password, name: form.name.trim(), email: form.email.trim() } : { password: form.password }),
    fields: {},
    check(form) {
      const found = purpose === 'setup' ? requireText(form, ['name', 'email']) : {};
      if (purpose === 'setup' && !found['email'] && !isEmail(form.email.trim())) found['email'] = 'email';
      const problem = checkPasswordPolicy(form.password, { email: purpose === 'setup' ? form.email.trim() : (linkEmail ?? '') })[0];
      // The policy's own code, worded by accounts `problems.*`.
      if (problem) found['password'] = problem as 'invalid';
      if (form.confirm !== form.password) found['confirm'] = 'invalid';
      return found;
    },
  });
}

/**
 * A one-time link, opened signed out: /setup/:token creates the first admin; /staff/welcome/:token
 * sets the password of an invited user or after a reset.
 */
export function SetPasswordPage() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const { token = '' } = useParams();
  const errorText = useErrorText();
  // An expired or used link gets the accounts wording, which says who can send a new one.
  const linkErrorText = (caught: unknown) =>
    caught instanceof ApiError && caught.code === 'link_invalid' ? t('errors.link_invalid') : (passwordProblemsText(t, caught) ?? errorText(caught));
  const linkQuery = useQuery(accountLinkQuery(token));
  const link = linkQuery.data;
  const use = useMutation({ mutationFn: (body: LinkBody) => accountsApi.useLink(token, body) });
  const loadError = linkQuery.isError ? linkErrorText(linkQuery.error) : undefined;
  const error = use.isError ? linkErrorText(use.error) : undefined;
  const done = use.isSuccess;
  const fieldText = useFieldErrorText();
  const purpose = link?.purpose ?? 'invite';
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<LinkForm, unknown, LinkBody>({
    defaultValues: { name: '', email: '', password: '', confirm: '' },
    resolver: linkResolver(purpose, link?.email ?? undefined),
  });
  const [password, confirm] = watch(['password', 'confirm']);
  // Said as soon as the second entry differs, as before the first submit.
  const mismatch = Boolean(errors.confirm) || (confirm.length > 0 && confirm !== password);
  const passwordProblem = errors.password?.message;

  function submit(body: LinkBody) {
    use.mutate(body);
  }

  return (
    <div className="st-sign-in-page">
      <div className="st-sign-in-lang">
        <LanguageSwitch />
      </div>
      <main className="st-sign-in-card">
        <div className="st-sign-in-brand">
          <span className="ui-brand-mark" aria-hidden="true">
            M
          </span>
          <span className="ui-brand-name">Myomap</span>
        </div>
        {loadError ? (
          <Alert tone="error">{loadError}</Alert>
        ) : !link ? (
          <LoadingState label={t('link.checking')} />
        ) : done ? (
          <>
            <h1>{t('link.doneTitle')}</h1>
            <Alert tone="success">{t('link.done')}</Alert>
            <ButtonLink to="/staff/sign-in" block>
              {t('link.signIn')}
            </ButtonLink>
          </>
        ) : (
          <>
            <h1>{t(`link.${purpose}Title`)}</h1>
            <p className="st-muted">
              {/* First-strong isolates keep the address in one piece inside Arabic text. */}
              {t(`link.${purpose}Intro`, { email: `\u2068${link.email ?? ''}\u2069` })}
            </p>
            <form className="st-form" onSubmit={(e) => void handleSubmit(submit)(e)} noValidate>
              {purpose === 'setup' ? (
                <>
                  <TextField label={t('link.name')} autoComplete="name" required maxLength={200} {...register('name')} error={fieldText(errors.name)} />
                  <TextField
                    label={t('link.email')}
                    type="email"
                    autoComplete="username"
                    required
                    maxLength={254}
                    {...register('email')}
                    error={fieldText(errors.email)}
                    dir="ltr"
                  />
                </>
              ) : (
                <input type="hidden" name="username" autoComplete="username" value={link.email ?? ''} />
              )}
              <NewPasswordFields
                password={register('password')}
                confirm={register('confirm')}
                passwordError={passwordProblem ? t(`problems.${passwordProblem}` as 'problems.too_short') : undefined}
                mismatch={mismatch}
              />
              {error ? <Alert tone="error">{error}</Alert> : null}
              <Button type="submit" block busy={use.isPending}>
                {t('link.submit')}
              </Button>
            </form>
          </>
        )}
      </main>
    </div>
  );
}
