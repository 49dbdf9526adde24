/**
 * Who may do what: one table, read by the server (which enforces it on every staff route) and
 * by the web app (which only hides what the server would refuse). A route names one action;
 * the table names the roles. Reception runs the front desk: contact details, the calendar and
 * the intake tablet, never clinical answers: the minimum-necessary principle (HIPAA,
 * 45 CFR 164.502(b) and 164.514(d)) and UAE Federal Law No. 2 of 2019 (ICT in health fields),
 * which limits access to health data to those who need it for the patient's care.
 */
export const STAFF_ROLES = ['admin', 'reception', 'therapist', 'physician'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/**
 * A patient signed in to the portal (passwordless, by a link or code sent to the email on file).
 * Not a staff role: a portal session is a separate cookie, and a patient may take only `portal.*`
 * actions, always on their own records (the server scopes every portal query to the session's patient).
 */
export const PATIENT_ROLE = 'patient';
export type Role = StaffRole | typeof PATIENT_ROLE;
const PATIENT: readonly Role[] = [PATIENT_ROLE];

const ALL: readonly StaffRole[] = STAFF_ROLES;
const CLINICAL_READERS: readonly StaffRole[] = ['admin', 'therapist', 'physician'];
const CLINICIANS: readonly StaffRole[] = ['therapist', 'physician'];
const FRONT_DESK: readonly StaffRole[] = ['admin', 'reception', 'therapist'];

/** Every action, with the roles that may take it and why. */
export const PERMISSIONS = {
  // Reading one's own session (who am I, the CSRF token) and signing out: every signed-in user.
  'session.read': ALL,
  'session.end': ALL,
  // Everyone sees the day's calendar: names, services, rooms; no clinical detail.
  'calendar.read': ALL,
  // Booking, moving, cancelling and blocking time: the front desk, and therapists for their own follow-ups.
  'calendar.write': FRONT_DESK,
  // A practitioner's own calendar feed link (subscribe on their phone) and a new one if it leaked:
  // anyone signed in, for the practitioner their account is linked to (the server finds none otherwise).
  'calendar.feed.own': ALL,
  // A new feed link for any practitioner (a lost phone, someone who left): admin, like catalog.manage.
  'calendar.feed.manage': ['admin'],
  // Practitioners, services, rooms, hours and exceptions are needed to read the calendar.
  'catalog.read': ALL,
  // Changing practitioners, services, rooms and weekly hours changes who can be booked: admin only.
  'catalog.manage': ['admin'],
  // Closing days and adding extra hours is routine front-desk work.
  'exceptions.write': ['admin', 'reception'],
  // Contact and booking facts of a patient (name, phone, email, visits): everyone who may call them.
  'patient.contact.read': ALL,
  'patient.contact.write': ALL,
  // Assessments, photos and the list of them: the treating team and admin (clinical governance).
  'assessment.read': CLINICAL_READERS,
  'assessment.write': CLINICIANS,
  // The intake tablet at the desk: reception hands it over and may save and submit what the patient enters.
  'intake.fill': FRONT_DESK,
  // The intake's answers are medical history: never reception.
  'intake.clinical.read': CLINICAL_READERS,
  // Screening result, consent and physician reviews of one patient.
  'safety.read': CLINICAL_READERS,
  // The physician's review queue and the reviews themselves.
  'review.queue.read': ['admin', 'physician'],
  'review.write': ['physician'],
  // Starting a treatment session is where the safety gate holds; only those who treat.
  'treatment.start': CLINICIANS,
  'plan.read': CLINICAL_READERS,
  // Proposing, editing and approving a plan (the author, or an explicit co-sign: see can-edit-draft.ts).
  'plan.write': CLINICIANS,
  'plan.approve': CLINICIANS,
  // A plan with screening precautions needs a physician's co-signature (the treatment gate's `withPrecautions`).
  'plan.cosign': ['physician'],
  // Booking a plan's series is booking: the front desk.
  'plan.series.book': FRONT_DESK,
  'note.read': CLINICAL_READERS,
  'note.write': CLINICIANS,
  'note.sign': CLINICIANS,
  'note.addendum': CLINICIANS,
  // Adverse check-in alerts carry symptoms, so they are clinical; each user reads their own.
  'alerts.read': CLINICAL_READERS,
  // Sent and queued email: confirmations and reminders, handled by the front desk.
  'mailbox.read': ['admin', 'reception'],
  // The audit log holds note contents and demographics: admin only, and reading it is itself audited.
  'audit.read': ['admin'],
  // Staff accounts: invite, deactivate, reset password or two-factor. Admin only (ASVS 5.0 V6).
  'staff.manage': ['admin'],
  // Every signed-in user changes their own password and second factor.
  'account.manage': ALL,
  // Online bookings flagged as possible abuse: the front desk keeps or releases them.
  'bookings.review': ['admin', 'reception'],
  // Possible duplicates of a self-registered online record, side by side.
  'patient.duplicates.read': ALL,
  // Merging two records after checking identity is a front-desk task, audited with before/after.
  'patient.merge': ['admin', 'reception'],
  // Trigger-point reasoning state (suspended by a red flag) for a patient.
  'reasoning.read': CLINICAL_READERS,
  // Episodes of care and the measures in them (scores are health data): the treating team and admin.
  'outcomes.read': CLINICAL_READERS,
  // Opening and discharging an episode and entering a measure: those who treat.
  'outcomes.record': CLINICIANS,
  // Handing the clinic tablet to a patient for their due measures, like the intake tablet: the front
  // desk and those who treat. The link shows questions only, never earlier answers or scores.
  'outcomes.request': ['admin', 'reception', 'therapist', 'physician'],
  // Stored letters and results (referral letters, results that come back, discharge summaries) carry
  // findings and outcome scores: the same readers as the clinical record, never reception.
  'documents.read': CLINICAL_READERS,
  // The clinic's outcome report is aggregate, but it is the owner's figure to publish: admin only.
  'outcomes.report': ['admin'],
  // Importing patients and appointments from another system (a FHIR Bundle) creates records in bulk: admin only.
  'fhir.import': ['admin'],
  // The provider directory (names, contact channels, what they accept) is no health data: everyone
  // searches it; keeping it right is the administrator's, like the catalogue.
  'referral.directory.read': ALL,
  'referral.directory.manage': ['admin'],
  // The referral worklist shows who is referred where, its status and due date, never the reason:
  // the front desk chases acknowledgements and appointments from it.
  'referral.worklist.read': ALL,
  // A referral's reason, question, findings and result are clinical: the treating team and admin
  // (reception opens the same page for tracking and triage and gets it without them).
  'referral.read': CLINICAL_READERS,
  // Drafting a referral: those who treat (a therapist from the plan, a physician from the review).
  'referral.draft': CLINICIANS,
  // Signing (and cancelling a signed referral) is a medical act: physicians only.
  'referral.sign': ['physician'],
  // Sending a signed letter (email or printed) and recording acknowledgement or an appointment: the
  // front desk and physicians; the letter's content was fixed when it was signed.
  'referral.send': ['admin', 'reception', 'physician'],
  'referral.track': ['admin', 'reception', 'therapist', 'physician'],
  // Entering a result that came back (findings are clinical): those who treat.
  'referral.result.record': CLINICIANS,
  // Reviewing the result (clear, change the plan, refer on) decides the treatment gate: physicians only.
  'referral.result.review': ['physician'],
  // Inbound referrals from the public form: reception turns them into a patient and a first visit;
  // physicians triage them too. The referrer's reason is shown only to clinical readers.
  'referral.inbound.triage': ['admin', 'reception', 'physician'],
  // The education library (issue 15): patient articles are no health data; every clinician and admin
  // reads and drafts them. Approving clinical content is a physician's act (admin may, for governance,
  // as with the review queue); publishing an approved version is admin's or a physician's.
  'article.read': CLINICAL_READERS,
  'article.write': CLINICAL_READERS,
  'article.approve': ['admin', 'physician'],
  'article.publish': ['admin', 'physician'],
  // Withdrawing a published version (readers see the previous one): whoever may publish may take back.
  'article.withdraw': ['admin', 'physician'],
  // Questions from the public may carry health details until moderated: the clinical team and admin.
  'question.moderate': CLINICAL_READERS,
  // An inbound referral sent as a FHIR ServiceRequest (another system, or staff relaying one): the
  // same worklist entry as the public form, never a patient record; those who triage inbound
  // referrals. A SMART backend client's `system/ServiceRequest.c` scope maps to this action.
  'referral.inbound.create': ['admin', 'reception', 'physician'],
  // The patient portal: a signed-in patient reads their own visits, progress, messages and letters,
  // downloads their own record, moves or cancels their own visits within the clinic's rules, and asks
  // for a correction or deletion. Staff hold none of these: a staff cookie opens no portal route.
  'portal.read': PATIENT,
  'portal.visits.change': PATIENT,
  'portal.requests.create': PATIENT,
  // Saying how the signed-in person relates to each record of their email (self, parent, carer…).
  'portal.family.record': PATIENT,
  // Correction and deletion requests (GDPR art. 16/17, UAE PDPL): the administrator answers them,
  // since the answer weighs health-record retention rules; the request text may hold clinical detail.
  'portal.requests.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Whether a role may take an action. Unknown roles may do nothing. */
export function can(role: string | undefined, action: Action): boolean {
  return role !== undefined && (PERMISSIONS[action] as readonly string[]).includes(role);
}

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
