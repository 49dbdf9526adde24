import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { staffAbilities } from './staff-abilities.ts';

type Ability = keyof ReturnType<typeof staffAbilities>;

/** Hides a screen from roles that may not use it (the server refuses them with 403 as well). */
export function RequireAbility({ ability, children }: { ability: Ability; children: ReactNode }) {
  const user = useStaffUser();
  const { t } = useTranslation('staff');
  if (!staffAbilities(user.role)[ability]) {
    return (
      <section className="st-page">
        <h1>{t('forbidden.title')}</h1>
        <Alert tone="error">{t('forbidden.body')}</Alert>
      </section>
    );
  }
  return children;
}
