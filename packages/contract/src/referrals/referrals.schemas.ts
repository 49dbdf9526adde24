import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type {
  ProviderKind as ProviderKindId,
  ReferralStatus as ReferralStatusId,
  ReferralUrgency as ReferralUrgencyId,
} from '@myomap/domain/referrals/referral-lifecycle';
import { NonBlankText } from '../common/text.schemas.ts';
import { DocumentOut } from '../documents/documents.schemas.ts';

/** The referral network (issue 14): the provider directory, referrals out and in, and their results. */

const Id = Type.String({ minLength: 1, maxLength: 100 });
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD in the clinic’s time zone' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const ProviderKind = Type.Union([
  Type.Literal('neurology'),
  Type.Literal('ncs_emg_lab'),
  Type.Literal('genetics'),
  Type.Literal('occupational_therapy'),
  Type.Literal('imaging'),
  Type.Literal('gp'),
  Type.Literal('orthopaedics'),
  Type.Literal('rheumatology'),
  Type.Literal('emergency'),
]);
export const ReferralUrgency = Type.Union([Type.Literal('emergency'), Type.Literal('same_day'), Type.Literal('soon'), Type.Literal('routine')]);
export const ReferralStatus = Type.Union([
  Type.Literal('drafted'),
  Type.Literal('signed'),
  Type.Literal('sent'),
  Type.Literal('acknowledged'),
  Type.Literal('appointment_booked'),
  Type.Literal('result_received'),
  Type.Literal('closed'),
  Type.Literal('cancelled'),
  Type.Literal('received'),
  Type.Literal('accepted'),
  Type.Literal('declined'),
]);
// The contract's lists are the domain's lists: one changed without the other fails typecheck.
const same: [
  [Static<typeof ProviderKind>, ProviderKindId] extends [ProviderKindId, Static<typeof ProviderKind>] ? true : never,
  [Static<typeof ReferralUrgency>, ReferralUrgencyId] extends [ReferralUrgencyId, Static<typeof ReferralUrgency>] ? true : never,
  [Static<typeof ReferralStatus>, ReferralStatusId] extends [ReferralStatusId, Static<typeof ReferralStatus>] ? true : never,
] = [true, true, true];
void same;

export const ReferralParams = Type.Object({ id: Id });

const Language = Type.String({ minLength: 2, maxLength: 10, pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$', description: 'BCP 47, e.g. en, ar' });

export const ProviderIn = Type.Object(
  {
    kind: ProviderKind,
    entity: Type.Union([Type.Literal('organisation'), Type.Literal('practitioner')]),
    name: NonBlankText({ maxLength: 200 }),
    organisation: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+() -]+$' })),
    fax: Type.Optional(Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+() -]+$' })),
    address: Type.Optional(Type.String({ maxLength: 400 })),
    website: Type.Optional(Type.String({ format: 'uri', maxLength: 300 })),
    languages: Type.Array(Language, { maxItems: 10, uniqueItems: true }),
    accepts: Type.String({ maxLength: 1000, description: 'What they accept: referral routes and requirements' }),
    notes: Type.String({ maxLength: 2000 }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ProviderIn = Static<typeof ProviderIn>;

export const ProviderOut = Type.Object({
  id: Type.String(),
  kind: ProviderKind,
  entity: Type.Union([Type.Literal('organisation'), Type.Literal('practitioner')]),
  name: Type.String(),
  organisation: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  fax: Nullable(Type.String()),
  address: Nullable(Type.String()),
  website: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  accepts: Type.String(),
  notes: Type.String(),
  active: Type.Boolean(),
});
export type ProviderOut = Static<typeof ProviderOut>;

export const ProviderQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(ProviderKind),
    language: Type.Optional(Language),
    includeInactive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ProviderQuery = Static<typeof ProviderQuery>;

export const TestSuggested = Type.Object(
  { code: Type.Optional(Type.String({ maxLength: 60 })), label: NonBlankText({ maxLength: 300 }) },
  { additionalProperties: false },
);

export const ReferralIn = Type.Object(
  {
    patientId: Id,
    providerId: Id,
    source: Type.Union([Type.Literal('physician_review'), Type.Literal('plan'), Type.Literal('record')]),
    reviewId: Type.Optional(Id),
    planId: Type.Optional(Id),
    urgency: ReferralUrgency,
    reason: NonBlankText({ maxLength: 4000 }),
    question: Type.String({ maxLength: 2000 }),
    testsSuggested: Type.Array(TestSuggested, { maxItems: 20 }),
    attachments: Type.Array(Type.Union([Type.Literal('findings'), Type.Literal('outcomes')]), { maxItems: 2, uniqueItems: true }),
    language: Type.Union([Type.Literal('en'), Type.Literal('ar')]),
  },
  { additionalProperties: false },
);
export type ReferralIn = Static<typeof ReferralIn>;

export const HistoryOut = Type.Object({
  from: Nullable(Type.String()),
  to: Type.String(),
  byName: Nullable(Type.String()),
  at: Type.String(),
  note: Type.String(),
});

export const ResultOut = Type.Object({
  id: Type.String(),
  summary: Type.String(),
  findings: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
  documentId: Nullable(Type.String()),
  receivedOn: Type.String(),
  reviewDecision: Nullable(Type.Union([Type.Literal('clear'), Type.Literal('change_plan'), Type.Literal('refer_on')])),
  reviewNotes: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
});

/** One line of the worklist: who, where, status and due; no clinical content (reception reads it). */
export const ReferralSummaryOut = Type.Object({
  id: Type.String(),
  direction: Type.Union([Type.Literal('out'), Type.Literal('in')]),
  patientId: Nullable(Type.String()),
  patientName: Nullable(Type.String()),
  providerName: Nullable(Type.String()),
  referrerName: Nullable(Type.String()),
  urgency: ReferralUrgency,
  status: ReferralStatus,
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  createdAt: Type.String(),
});
export type ReferralSummaryOut = Static<typeof ReferralSummaryOut>;

export const ReferralOut = Type.Composite([
  ReferralSummaryOut,
  Type.Object({
    providerId: Nullable(Type.String()),
    source: Type.String(),
    redFlag: Type.Boolean(),
    contentHidden: Type.Boolean({ description: 'The reader may not see clinical content (reception): reason, question, tests, result and notes are left out' }),
    reason: Nullable(Type.String()),
    question: Nullable(Type.String()),
    testsSuggested: Type.Array(Type.Object({ code: Type.Optional(Type.String()), label: Type.String() })),
    attachments: Type.Array(Type.String()),
    language: Type.String(),
    signedByName: Nullable(Type.String()),
    signedAt: Nullable(Type.String()),
    letterDocumentId: Nullable(Type.String()),
    sentVia: Nullable(Type.String()),
    appointmentOn: Nullable(Type.String()),
    referrer: Nullable(Type.Object({ name: Type.String(), organisation: Nullable(Type.String()), email: Type.String(), phone: Nullable(Type.String()) })),
    referredPatient: Nullable(Type.Unknown()),
    firstVisitId: Nullable(Type.String()),
    history: Type.Array(HistoryOut),
    result: Nullable(ResultOut),
    screeningFindings: Type.Array(Type.Object({ en: Type.String(), ar: Type.String() }), {
      description: "The patient's latest screening red flags in words (English and Arabic), as the letter states them; clinical readers only",
    }),
    documents: Type.Array(DocumentOut, { description: "The referral's stored letters and the result's report (clinical readers only)" }),
    nextSteps: Type.Array(ReferralStatus, { description: 'The steps the signed-in user may take next' }),
  }),
]);
export type ReferralOut = Static<typeof ReferralOut>;

export const WorklistQuery = Type.Object(
  {
    direction: Type.Optional(Type.Union([Type.Literal('out'), Type.Literal('in')])),
    status: Type.Optional(ReferralStatus),
    overdue: Type.Optional(Type.Boolean()),
    patientId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type WorklistQuery = Static<typeof WorklistQuery>;

export const SendIn = Type.Object({ via: Type.Union([Type.Literal('email'), Type.Literal('print')]) }, { additionalProperties: false });
export type SendIn = Static<typeof SendIn>;

export const TrackIn = Type.Object(
  {
    to: Type.Union([Type.Literal('acknowledged'), Type.Literal('appointment_booked'), Type.Literal('cancelled')]),
    appointmentOn: Type.Optional(DateOnly),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type TrackIn = Static<typeof TrackIn>;

export const ResultIn = Type.Object(
  {
    summary: NonBlankText({ maxLength: 4000 }),
    findings: Type.Array(Type.Object({ label: NonBlankText({ maxLength: 200 }), value: Type.String({ maxLength: 1000 }) }, { additionalProperties: false }), {
      maxItems: 40,
    }),
    documentId: Type.Optional(Id),
    receivedOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type ResultIn = Static<typeof ResultIn>;

export const ResultReviewIn = Type.Object(
  {
    decision: Type.Union([Type.Literal('clear'), Type.Literal('change_plan'), Type.Literal('refer_on')]),
    notes: Type.String({ maxLength: 4000 }),
    /** refer_on: the next provider; a new draft is made with the same patient, reason and urgency. */
    referOnProviderId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ResultReviewIn = Static<typeof ResultReviewIn>;

export const ResultReviewedOut = Type.Object({
  referral: ReferralOut,
  referredOnId: Nullable(Type.String()),
  planToChangeId: Nullable(
    Type.String({ description: "change_plan: the patient's plan to open for editing (the referral's own plan, else the latest); null when there is none yet" }),
  ),
});
export type ResultReviewedOut = Static<typeof ResultReviewedOut>;

/** The public form a doctor fills to refer a patient (no sign-in). `website` is a honeypot: people leave it empty. */
export const PublicReferralIn = Type.Object(
  {
    referrer: Type.Object(
      {
        name: NonBlankText({ maxLength: 200 }),
        organisation: Type.Optional(Type.String({ maxLength: 200 })),
        email: Type.String({ format: 'email', maxLength: 254 }),
        phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+() -]*$' })),
      },
      { additionalProperties: false },
    ),
    patient: Type.Object(
      {
        name: NonBlankText({ maxLength: 200 }),
        dateOfBirth: Type.Optional(DateOnly),
        phone: Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+() -]+$' }),
        email: Type.String({ format: 'email', maxLength: 254, description: 'Where the clinic sends the appointment confirmation' }),
        language: Type.Union([Type.Literal('en'), Type.Literal('ar')]),
      },
      { additionalProperties: false },
    ),
    urgency: Type.Union([Type.Literal('soon'), Type.Literal('routine')], { description: 'Emergencies go to the emergency department, not a form' }),
    reason: NonBlankText({ maxLength: 2000 }),
    language: Type.Optional(
      Type.Union([Type.Literal('en'), Type.Literal('ar')], {
        description: 'The referrer’s language: the acknowledgement and discharge summary are written in it',
      }),
    ),
    consent: Type.Literal(true, { description: 'The patient agreed to be referred and to this clinic holding these details' }),
    website: Type.Optional(Type.String({ maxLength: 300, description: 'Leave empty (a field people do not see)' })),
  },
  { additionalProperties: false },
);
export type PublicReferralIn = Static<typeof PublicReferralIn>;

export const PublicReferralOut = Type.Object({ received: Type.Literal(true) });

export const AcceptInboundIn = Type.Object(
  {
    /** An existing patient (after the duplicate check), or none to create one from the referral. */
    patientId: Type.Optional(Id),
    practitionerId: Id,
    serviceId: Id,
    start: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type AcceptInboundIn = Static<typeof AcceptInboundIn>;

export const InboundMatchesOut = Type.Array(
  Type.Object({ id: Type.String(), name: Type.String(), dateOfBirth: Nullable(Type.String()), phone: Nullable(Type.String()) }),
);
