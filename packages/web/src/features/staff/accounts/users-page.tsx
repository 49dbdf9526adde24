import './accounts.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { contractResolver, isEmail, requireText } from '../../../lib/forms/contract-resolver.ts';
import { useFieldErrorText } from '../../../lib/forms/field-error.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import type { StaffRole } from '../api/staff-api.ts';
import { staffKeys, staffUsersQuery } from '../api/staff-queries.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { accountsApi, type StaffAccount } from './accounts-api.ts';
import { Table } from '../../../components/ui/table.tsx';
import { Tag } from '../../../components/ui/tag.tsx';

type UserAction = 'deactivate' | 'reactivate' | 'reset-password' | 'reset-two-factor';
const ROLES: StaffRole[] = ['admin', 'reception', 'therapist', 'physician'];

/** Admins: every staff account, invitations, and the actions for people who lose a phone or leave. */
export function UsersPage() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const { t: ts } = useTranslation(['staff', 'common']);
  const me = useStaffUser();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const users = useQuery(staffUsersQuery);
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<string>();
  const userAction = useMutation({
    mutationFn: ({ user, action }: { user: StaffAccount; action: UserAction }) => accountsApi.userAction(user.id, action),
    onMutate: () => setNotice(undefined),
    onSuccess: (_answer, { user, action }) => {
      setNotice(t(`users.done.${action}`, { name: user.name }));
      return queryClient.invalidateQueries({ queryKey: staffKeys.users });
    },
  });
  const busyId = userAction.isPending ? userAction.variables.user.id : undefined;
  // A 409 here means the account is inactive: the action needs it reactivated first.
  const error = userAction.error
    ? userAction.error instanceof ApiError && userAction.error.code === 'conflict'
      ? t('errors.conflict')
      : errorText(userAction.error)
    : undefined;

  function act(user: StaffAccount, action: UserAction) {
    if ((action === 'deactivate' || action === 'reset-two-factor') && !window.confirm(t(`users.confirm.${action}`, { name: user.name }))) return;
    userAction.mutate({ user, action });
  }

  return (
    <section className="st-page">
      <PageHeader
        eyebrow={ts('eyebrow.admin')}
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={<Button onClick={() => setInviting(true)}>{t('users.invite')}</Button>}
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {users.isError ? <Alert tone="error">{errorText(users.error)}</Alert> : null}
      {users.isPending ? (
        <LoadingState label={ts('common:loading')} />
      ) : !users.data ? null : (
        <Table className="st-users-table" stackOnPhone>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.twoFactor')}</th>
              <th scope="col">
                <span className="st-visually-hidden">{ts('actions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id} className={user.active ? '' : 'is-inactive'}>
                <td>
                  <div>{user.name}</div>
                  <div className="st-muted" dir="ltr">
                    {user.email}
                  </div>
                </td>
                <td data-label={t('users.role')}>{ts(`roles.${user.role}`)}</td>
                <td data-label={t('users.status')}>
                  <Tag tone={user.active && user.passwordSet ? 'success' : 'neutral'} strong>
                    {!user.active ? ts('common.inactive') : user.passwordSet ? ts('common.active') : t('users.invited')}
                  </Tag>
                </td>
                <td data-label={t('users.twoFactor')}>
                  {user.twoFactorEnabled ? t('security.on') : user.twoFactorExempt ? t('users.exempt') : t('security.off')}
                </td>
                <td className="ui-table__actions">
                  {user.id === me.id ? (
                    <span className="st-muted">{t('users.you')}</span>
                  ) : (
                    <div className="st-user-actions">
                      {user.active ? (
                        <>
                          <Button variant="ghost" busy={busyId === user.id} onClick={() => act(user, 'reset-password')}>
                            {t('users.resetPassword')}
                          </Button>
                          {user.twoFactorEnabled ? (
                            <Button variant="ghost" busy={busyId === user.id} onClick={() => act(user, 'reset-two-factor')}>
                              {t('users.resetTwoFactor')}
                            </Button>
                          ) : null}
                          <Button variant="ghost" busy={busyId === user.id} onClick={() => act(user, 'deactivate')}>
                            {t('users.deactivate')}
                          </Button>
                        </>
                      ) : (
                        <Button variant="ghost" busy={busyId === user.id} onClick={() => act(user, 'reactivate')}>
                          {t('users.reactivate')}
                        </Button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ModalDialog open={inviting} title={t('users.inviteTitle')} closeLabel={ts('common:actions.close')} onClose={() => setInviting(false)}>
        {inviting ? (
          <InviteForm
            onCancel={() => setInviting(false)}
            onSent={(email) => {
              setInviting(false);
              setNotice(t('users.done.invite', { email }));
            }}
          />
        ) : null}
      </ModalDialog>
    </section>
  );
}

interface Invite {
  name: string;
  email: string;
  role: StaffRole;
}

// POST /api/staff/users's body schema is still in users.routes.ts: a name, an email and a role,
// until it moves into the contract.
const inviteResolver = contractResolver<Invite, Invite>(null, {
  toBody: (form) => ({ name: form.name.trim(), email: form.email.trim(), role: form.role }),
  fields: {},
  check(form) {
    const found = requireText(form, ['name', 'email']);
    if (!found['email'] && !isEmail(form.email.trim())) found['email'] = 'email';
    return found;
  },
});

function InviteForm({ onCancel, onSent }: { onCancel(): void; onSent(email: string): void }) {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts' });
  const { t: ts } = useTranslation(['staff', 'common']);
  const fieldText = useFieldErrorText();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Invite, unknown, Invite>({ defaultValues: { name: '', email: '', role: 'therapist' }, resolver: inviteResolver });
  const invite = useMutation({
    mutationFn: (body: Invite) => accountsApi.invite(body),
    onSuccess: (_answer, body) => {
      onSent(body.email);
      return queryClient.invalidateQueries({ queryKey: staffKeys.users });
    },
  });
  const error = invite.error ? errorText(invite.error) : undefined;

  function submit(body: Invite) {
    invite.mutate(body);
  }

  return (
    <form className="st-form" onSubmit={(e) => void handleSubmit(submit)(e)} noValidate>
      <p className="st-muted">{t('users.inviteHint')}</p>
      <TextField label={t('users.name')} required maxLength={200} {...register('name')} error={fieldText(errors.name)} />
      <TextField label={t('users.email')} type="email" required maxLength={254} {...register('email')} error={fieldText(errors.email)} dir="ltr" />
      <SelectField label={t('users.role')} {...register('role')} options={ROLES.map((role) => ({ value: role, label: ts(`roles.${role}`) }))} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="st-form-actions">
        <Button variant="ghost" onClick={onCancel}>
          {ts('common:actions.cancel')}
        </Button>
        <Button type="submit" busy={invite.isPending}>
          {t('users.send')}
        </Button>
      </div>
    </form>
  );
}
