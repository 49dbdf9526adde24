import { Type, type Static } from '@sinclair/typebox';
import { BookingDetailOut } from '../bookings/bookings.schemas.ts';
import { LocalizedText } from '../common/localized-text.schemas.ts';
import { NonBlankText } from '../common/text.schemas.ts';

/** The patient portal (issue 15): passwordless sign-in, the patient's own visits, progress, messages and requests. */

export const PortalSignInIn = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ar')])),
  },
  { additionalProperties: false },
);
export type PortalSignInIn = Static<typeof PortalSignInIn>;

/** The same answer whether or not the email is on file. */
export const PortalSignInAcceptedOut = Type.Object({ accepted: Type.Literal(true), expiresInMinutes: Type.Integer() });
export type PortalSignInAcceptedOut = Static<typeof PortalSignInAcceptedOut>;

export const PortalLinkIn = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false });
export const PortalCodeIn = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }), code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);

export const PortalRelationship = Type.Union([
  Type.Literal('self'),
  Type.Literal('parent'),
  Type.Literal('guardian'),
  Type.Literal('carer'),
  Type.Literal('other'),
]);
export type PortalRelationship = Static<typeof PortalRelationship>;
export const PortalPatientOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** How the signed-in person relates to this record, once they have said (family accounts). */
  relationship: Type.Union([PortalRelationship, Type.Null()]),
});
export const PortalRelationshipIn = Type.Object({ relationship: PortalRelationship }, { additionalProperties: false });
export const PortalSessionOut = Type.Object({
  csrfToken: Type.String(),
  /** The email the visitor proved (booking another visit starts with it). */
  email: Type.String(),
  currentPatientId: Type.String(),
  /** Every patient record holding the signed-in email (a parent and their children). */
  patients: Type.Array(PortalPatientOut),
});
export type PortalSessionOut = Static<typeof PortalSessionOut>;

export const PortalSwitchIn = Type.Object({ patientId: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export const PortalVisitParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const PortalSignedOutOut = Type.Object({ signedOut: Type.Literal(true) });

/** One outcome measure's scores over time, with its minimal clinically important difference. */
export const PortalMeasureOut = Type.Object({
  instrumentId: Type.String(),
  name: LocalizedText,
  /** The smallest change patients notice as a real change (the instrument's MCID), in score points. */
  mcid: Type.Union([Type.Number(), Type.Null()]),
  higherIsBetter: Type.Boolean(),
  maxScore: Type.Union([Type.Number(), Type.Null()]),
  scores: Type.Array(Type.Object({ takenOn: Type.String(), score: Type.Number() })),
  /** First to latest: 'improved' / 'worse' when the change reaches the MCID, otherwise 'no_clear_change'. */
  change: Type.Union([Type.Literal('improved'), Type.Literal('worse'), Type.Literal('no_clear_change'), Type.Literal('one_score')]),
});

export const PortalProgressOut = Type.Object({
  measures: Type.Array(PortalMeasureOut),
  /** Instruments due now in the patient's open episode; `createPortalMeasuresLink` opens them. */
  measuresDue: Type.Array(Type.String()),
  checkIns: Type.Array(
    Type.Object({
      opensAt: Type.String(),
      answeredAt: Type.Union([Type.String(), Type.Null()]),
      soreness: Type.Union([Type.Integer(), Type.Null()]),
      relief: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  intake: Type.Object({
    /** The next visit's intake form: 'none' (no visit ahead), 'open' (to fill, from the booking email) or 'submitted'. */
    status: Type.Union([Type.Literal('none'), Type.Literal('open'), Type.Literal('submitted')]),
    consentSignedAt: Type.Union([Type.String(), Type.Null()]),
    consentVersion: Type.Union([Type.String(), Type.Null()]),
    /** The next visit, whose form `getPortalIntake` opens from the portal; null when none lies ahead. */
    appointmentId: Type.Union([Type.String(), Type.Null()]),
    /** The latest consent is the version in force (false: none yet, or an older one to renew). */
    consentCurrent: Type.Boolean(),
  }),
  /**
   * The home program of the patient's latest approved treatment plan, exactly the items the plan
   * holds (its precautions were applied when it was saved), each with the knowledge base's
   * instructions and cautions in both languages and the dose the plan states (`dose`, as the
   * clinician wrote it; empty: `defaultDose` applies). Null when no plan is approved yet.
   */
  homeProgram: Type.Union([
    Type.Object({
      approvedAt: Type.String(),
      items: Type.Array(
        Type.Object({
          id: Type.String(),
          title: LocalizedText,
          instructions: LocalizedText,
          dose: Type.String(),
          defaultDose: LocalizedText,
          cautions: Type.Array(LocalizedText),
        }),
      ),
    }),
    Type.Null(),
  ]),
});
export type PortalProgressOut = Static<typeof PortalProgressOut>;

export const PortalMessagesOut = Type.Object({
  messages: Type.Array(
    Type.Object({
      id: Type.String(),
      subject: Type.String(),
      sentAt: Type.String(),
      /** Null when the message carried a link for another purpose (a sign-in or manage link): subject and date only. */
      body: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  letters: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), kind: Type.String(), createdAt: Type.String() })),
  /**
   * Referrals to other providers, once signed (a draft is not yet a decision): to whom, why as a
   * plain-words code (`red_flag`: to check something in the health form first; else where it started),
   * status and dates. Never the clinician's free-text reason, question or notes: those are written for
   * the other clinician and come with the full record download.
   */
  referrals: Type.Array(
    Type.Object({
      id: Type.String(),
      providerName: Type.String(),
      providerKind: Type.String(),
      why: Type.Union([Type.Literal('red_flag'), Type.Literal('physician_review'), Type.Literal('plan'), Type.Literal('record')]),
      urgency: Type.Union([Type.Literal('emergency'), Type.Literal('same_day'), Type.Literal('soon'), Type.Literal('routine')]),
      status: Type.String(),
      signedAt: Type.String(),
      /** When the letter went to the provider (by email or print); null until then. */
      sentAt: Type.Union([Type.String(), Type.Null()]),
      appointmentOn: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type PortalMessagesOut = Static<typeof PortalMessagesOut>;

export const PortalRequestIn = Type.Object(
  { kind: Type.Union([Type.Literal('correction'), Type.Literal('deletion')]), details: NonBlankText({ maxLength: 4000 }) },
  { additionalProperties: false },
);
export type PortalRequestIn = Static<typeof PortalRequestIn>;

export const PortalRequestOut = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('correction'), Type.Literal('deletion')]),
  details: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('declined')]),
  createdAt: Type.String(),
  answeredAt: Type.Union([Type.String(), Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()]),
});
export type PortalRequestOut = Static<typeof PortalRequestOut>;
export const PortalRequestsOut = Type.Object({ requests: Type.Array(PortalRequestOut) });

/** Staff: the requests to handle, with whose they are. */
export const StaffPortalRequestOut = Type.Composite([PortalRequestOut, Type.Object({ patientId: Type.String(), patientName: Type.String() })]);
export type StaffPortalRequestOut = Static<typeof StaffPortalRequestOut>;
export const StaffPortalRequestsOut = Type.Object({ requests: Type.Array(StaffPortalRequestOut) });
export const StaffPortalRequestAnswerIn = Type.Object(
  { status: Type.Union([Type.Literal('done'), Type.Literal('declined')]), answer: NonBlankText({ maxLength: 4000 }) },
  { additionalProperties: false },
);
export type StaffPortalRequestAnswerIn = Static<typeof StaffPortalRequestAnswerIn>;
export const PortalRequestParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const PortalVisitsOut = Type.Object({ upcoming: Type.Array(BookingDetailOut), past: Type.Array(BookingDetailOut) });
export type PortalVisitsOut = Static<typeof PortalVisitsOut>;

export const PortalMeasuresLinkOut = Type.Object({ url: Type.String() });
