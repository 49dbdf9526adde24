import { Type, type Static } from '@sinclair/typebox';
import { LocalizedText, LocalizedTextIn } from '../common/localized-text.schemas.ts';
import { NonBlankText } from '../common/text.schemas.ts';

/**
 * The clinic's catalogue as staff manage it: practitioners (with weekly hours), services and
 * rooms. Staff see every row, inactive and offline ones too; the public catalogue is catalog/.
 * Text in two languages is one `{ en, ar }` field (`name`, `title`, `description`); a patch that
 * changes one gives both languages.
 */
export const CatalogIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/** Names are required in both languages; titles and descriptions may be empty. */
const Name = LocalizedTextIn(NonBlankText({ maxLength: 200 }));
const Title = LocalizedTextIn(Type.String({ maxLength: 200 }));
const Description = LocalizedTextIn(Type.String({ maxLength: 2000 }));
const PractitionerKind = Type.Union([Type.Literal('therapist'), Type.Literal('physician')]);

/** 'HH:MM', 24-hour, in the clinic's zone. */
export const WallTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });

/** weekday 1–7 with 1 = Monday (ISO), times in the clinic's zone. */
export const WeeklyInterval = Type.Object(
  { weekday: Type.Integer({ minimum: 1, maximum: 7 }), start: WallTime, end: WallTime },
  { additionalProperties: false },
);
export type WeeklyInterval = Static<typeof WeeklyInterval>;

export const PractitionerFields = Type.Object(
  {
    name: Name,
    title: Title,
    kind: PractitionerKind,
    color: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }),
    bookableOnline: Type.Boolean(),
    active: Type.Boolean(),
    serviceIds: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type PractitionerFields = Static<typeof PractitionerFields>;
export const PractitionerPatch = Type.Partial(PractitionerFields, { additionalProperties: false });

export const ServiceFields = Type.Object(
  {
    name: Name,
    description: Description,
    durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
    bufferBeforeMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
    bufferAfterMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
    practitionerKind: PractitionerKind,
    requiresRoom: Type.Boolean(),
    priceAed: Type.Union([Type.Number({ minimum: 0, maximum: 100000 }), Type.Null()]),
    bookableOnline: Type.Boolean(),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ServiceFields = Static<typeof ServiceFields>;
export const ServicePatch = Type.Partial(ServiceFields, { additionalProperties: false });

export const RoomFields = Type.Object({ name: Name, active: Type.Boolean() }, { additionalProperties: false });
export type RoomFields = Static<typeof RoomFields>;
export const RoomPatch = Type.Partial(RoomFields, { additionalProperties: false });

const Out = { id: Type.String() };

export const StaffPractitioner = Type.Object({
  ...Out,
  name: LocalizedText,
  title: LocalizedText,
  kind: PractitionerKind,
  color: Type.String(),
  bookableOnline: Type.Boolean(),
  active: Type.Boolean(),
  serviceIds: Type.Array(Type.String()),
  weeklyHours: Type.Array(WeeklyInterval),
  breaks: Type.Array(WeeklyInterval),
});
export type StaffPractitioner = Static<typeof StaffPractitioner>;

export const StaffService = Type.Object({
  ...Out,
  name: LocalizedText,
  description: LocalizedText,
  durationMinutes: Type.Integer(),
  bufferBeforeMinutes: Type.Integer(),
  bufferAfterMinutes: Type.Integer(),
  practitionerKind: PractitionerKind,
  requiresRoom: Type.Boolean(),
  priceAed: Type.Union([Type.Number(), Type.Null()]),
  bookableOnline: Type.Boolean(),
  active: Type.Boolean(),
});
export type StaffService = Static<typeof StaffService>;

export const StaffRoom = Type.Object({ ...Out, name: LocalizedText, active: Type.Boolean() });
export type StaffRoom = Static<typeof StaffRoom>;

/** A created or updated practitioner, service or room. */
export const SavedOut = Type.Object(Out);
export type SavedOut = Static<typeof SavedOut>;

export const WeeklyScheduleIn = Type.Object(
  { weeklyHours: Type.Array(WeeklyInterval, { maxItems: 50 }), breaks: Type.Array(WeeklyInterval, { maxItems: 50 }) },
  { additionalProperties: false },
);
export type WeeklyScheduleIn = Static<typeof WeeklyScheduleIn>;
export const WeeklyScheduleOut = Type.Object({ id: Type.String(), weeklyHours: Type.Array(WeeklyInterval), breaks: Type.Array(WeeklyInterval) });
export type WeeklyScheduleOut = Static<typeof WeeklyScheduleOut>;
