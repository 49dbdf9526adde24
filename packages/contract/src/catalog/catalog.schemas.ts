import { Type } from '@sinclair/typebox';

const Names = Type.Object({ en: Type.String(), ar: Type.String() });

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

export const PractitionerOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  names: Names,
  title: Names,
  kind: Type.String(),
  color: Type.String(),
  serviceIds: Type.Array(Type.String()),
});

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
