import { Type, type Static } from '@sinclair/typebox';
import { LocalizedText } from '../common/localized-text.schemas.ts';

/** Public contract: `name` stays the English name; `names` and the rest are the one `{ en, ar }` shape. */
const Names = LocalizedText;

export const ServiceOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  names: Names,
  description: Names,
  durationMinutes: Type.Integer(),
  practitionerKind: Type.String(),
  priceAed: Type.Union([Type.Number(), Type.Null()]),
  practitionerIds: Type.Array(Type.String()),
});
export type ServiceOut = Static<typeof ServiceOut>;

export const PractitionerOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  names: Names,
  title: Names,
  kind: Type.String(),
  color: Type.String(),
  serviceIds: Type.Array(Type.String()),
});
export type PractitionerOut = Static<typeof PractitionerOut>;

export const ClinicOut = Type.Object({
  name: Names,
  address: Names,
  phone: Type.String(),
  email: Type.String(),
  timeZone: Type.String(),
  cancellationWindowHours: Type.Integer(),
  minNoticeMinutes: Type.Integer(),
  horizonDays: Type.Integer(),
});
export type ClinicOut = Static<typeof ClinicOut>;
