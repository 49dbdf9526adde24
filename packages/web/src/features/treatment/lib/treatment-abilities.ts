import { can } from '@myomap/domain/access/permissions';

/** Who may do what here, from the one permission table; the server enforces the same table. */
export const treatmentAbilities = (role: string) => ({
  writePlan: can(role, 'plan.write'),
  cosign: can(role, 'plan.cosign'),
  bookSeries: can(role, 'plan.series.book'),
  writeNote: can(role, 'note.write'),
});
