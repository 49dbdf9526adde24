import { Type, type Static } from '@sinclair/typebox';
import { AssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import { Nullable } from './patients.schemas.ts';

export const NewAssessmentIn = Type.Optional(Type.Object({ appointmentId: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }));
export const AssessmentIn = Type.Object({ data: AssessmentData }, { additionalProperties: false });
export type AssessmentIn = Static<typeof AssessmentIn>;
export const CreatedOut = Type.Object({ id: Type.String() });
export type CreatedOut = Static<typeof CreatedOut>;

export const PhotoView = Type.Union([Type.Literal('front'), Type.Literal('side')]);
export type PhotoView = Static<typeof PhotoView>;
export const PhotoQuery = Type.Object({ view: PhotoView });

export const Point = Type.Object(
  { x: Type.Number({ minimum: 0, maximum: 100000 }), y: Type.Number({ minimum: 0, maximum: 100000 }) },
  { additionalProperties: false },
);
/**
 * Landmark name → pixel position on the photo (see domain POSTURE_LANDMARKS). Names may hold
 * digits ("c7"): a key outside the pattern would not be checked on the way in and would be
 * dropped on the way out (fast-json-stringify serialises only matching keys).
 */
export const Landmarks = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), Point);
export type Landmarks = Static<typeof Landmarks>;
export const LandmarksIn = Type.Object({ landmarks: Landmarks }, { additionalProperties: false });

/** Angles computed from the landmarks (domain compute-posture-angles.ts says where each comes from). */
export const PostureAngles = Type.Object({
  craniovertebralAngle: Type.Optional(Type.Number()),
  pelvicTilt: Type.Optional(Type.Number()),
  kneeFromPlumb: Type.Optional(Type.Number()),
  hipFromPlumb: Type.Optional(Type.Number()),
  shoulderFromPlumb: Type.Optional(Type.Number()),
  headFromPlumb: Type.Optional(Type.Number()),
  shoulderLevel: Type.Optional(Type.Number()),
  pelvicObliquity: Type.Optional(Type.Number()),
  rightKneeFrontalAngle: Type.Optional(Type.Number()),
  leftKneeFrontalAngle: Type.Optional(Type.Number()),
});
export type PostureAngles = Static<typeof PostureAngles>;

export const PhotoOut = Type.Object({
  id: Type.String(),
  view: PhotoView,
  landmarks: Landmarks,
  angles: PostureAngles,
  createdAt: Type.String({ format: 'date-time' }),
});
export type PhotoOut = Static<typeof PhotoOut>;

/** The new photo, with no landmarks placed yet. */
export const PhotoUploadedOut = PhotoOut;
export type PhotoUploadedOut = Static<typeof PhotoUploadedOut>;
export const LandmarksOut = Type.Object({ id: Type.String(), landmarks: Landmarks, angles: PostureAngles });
export type LandmarksOut = Static<typeof LandmarksOut>;
/** GET /api/staff/photos/:id sends the image itself. */
export const PhotoBytesOut = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'the JPEG or PNG image as uploaded' });

/** GET and PUT /api/staff/assessments/:id. */
export const AssessmentOut = Type.Object({
  id: Type.String(),
  patientId: Type.String(),
  patientName: Type.String(),
  appointmentId: Nullable(Type.String()),
  authorId: Type.String(),
  authorName: Type.String(),
  status: Type.String(),
  vocabularyVersion: Type.Integer({ description: 'the body-zone vocabulary the pain map was written in' }),
  data: AssessmentData,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  photos: Type.Array(PhotoOut),
  /** The first assessment's body chart starts from the intake's pain map: which intake, submitted when (the therapist confirms it). */
  painMapFromIntake: Type.Optional(Nullable(Type.Object({ intakeId: Type.String(), at: Type.String({ format: 'date-time' }) }))),
});
export type AssessmentOut = Static<typeof AssessmentOut>;
