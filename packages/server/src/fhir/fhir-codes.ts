import type { CodeableConcept, Coding, Element, Extension } from '@medplum/fhirtypes';

/**
 * The code systems the FHIR API writes, in one place. Standard systems where a code exists and
 * was confirmed (shared/domain/clinical-reference.md §7, docs/fhir.md); our own systems, under
 * one stable base, for the rest (zones, muscles, techniques, instruments, statuses).
 */
export const SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  ucum: 'http://unitsofmeasure.org',
  bcp47: 'urn:ietf:bcp:47',
} as const;

/** Our own code systems and identifiers: stable URLs, never derived from the deployment's address. */
export const MYOMAP = 'https://myomap.example/fhir';
export const OWN = {
  bodyZone: `${MYOMAP}/CodeSystem/body-zone`,
  region: `${MYOMAP}/CodeSystem/region`,
  muscle: `${MYOMAP}/CodeSystem/muscle`,
  technique: `${MYOMAP}/CodeSystem/technique`,
  instrument: `${MYOMAP}/CodeSystem/outcome-instrument`,
  problem: `${MYOMAP}/CodeSystem/problem`,
  screeningOutcome: `${MYOMAP}/CodeSystem/screening-outcome`,
  reviewDecision: `${MYOMAP}/CodeSystem/physician-review-decision`,
  auditAction: `${MYOMAP}/CodeSystem/audit-action`,
  errorCode: `${MYOMAP}/CodeSystem/error-code`,
  practitionerKind: `${MYOMAP}/CodeSystem/practitioner-kind`,
  service: `${MYOMAP}/CodeSystem/service`,
  intakeAnswer: `${MYOMAP}/CodeSystem/intake-answers`,
  staffUser: `${MYOMAP}/sid/staff-user`,
  appointmentReference: `${MYOMAP}/sid/appointment-reference`,
  patientId: `${MYOMAP}/sid/patient`,
  documentKind: `${MYOMAP}/CodeSystem/document-kind`,
  documentSha256: `${MYOMAP}/sid/document-sha256`,
} as const;

export const TRANSLATION_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/translation';

/** The standard translation extension for a primitive's Arabic text (`_text`, `_display`, `_title` …). */
export function arabic(text: string | undefined): Element | undefined {
  if (!text) return undefined;
  const extension: Extension[] = [
    {
      url: TRANSLATION_EXTENSION,
      extension: [
        { url: 'lang', valueCode: 'ar' },
        { url: 'content', valueString: text },
      ],
    },
  ];
  return { extension };
}

/** A CodeableConcept with an English text and, when given, its Arabic translation. */
export function concept(coding: Coding[], en: string, ar?: string): CodeableConcept {
  const translated = arabic(ar);
  return { ...(coding.length > 0 ? { coding } : {}), text: en, ...(translated ? { _text: translated } : {}) };
}

/** LOINC codes for the measures that have one (confirmed in public FHIR implementation guides). */
export const INSTRUMENT_LOINC: Readonly<Record<string, Coding>> = {
  nprs: { system: SYSTEMS.loinc, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' },
};

/**
 * SNOMED CT body structures for the body zones: only concept ids marked confirmed (C) in
 * clinical-reference §7.2. A zone without its own confirmed concept gets its region's (a correct,
 * less specific structure); zones with neither carry only our own zone code.
 */
const ZONE_SNOMED: Readonly<Record<string, readonly [string, string]>> = {
  jaw_tmj: ['53620006', 'Temporomandibular joint structure'],
  cheek_maxilla: ['89545001', 'Face structure'],
  scapula_medial_border: ['79601000', 'Scapula'],
  scapula_body: ['79601000', 'Scapula'],
  upper_thoracic_spine: ['122495006', 'Thoracic spine structure'],
  mid_back: ['122495006', 'Thoracic spine structure'],
  low_back: ['37822005', 'Lower back structure'],
  thumb_base: ['76505004', 'Thumb structure'],
  fingers: ['7569003', 'Finger structure'],
  groin: ['29836001', 'Hip region structure'],
  sacrum_si_joint: ['39723000', 'Sacroiliac joint structure'],
  coccyx: ['64688005', 'Coccyx'],
  buttock: ['46862004', 'Buttock structure'],
  lateral_hip: ['29836001', 'Hip region structure'],
  lateral_ankle: ['344001', 'Ankle region structure'],
  medial_ankle: ['344001', 'Ankle region structure'],
  dorsal_foot: ['56459004', 'Foot structure'],
  plantar_foot: ['56459004', 'Foot structure'],
  heel: ['56459004', 'Foot structure'],
  toes: ['29707007', 'Toe structure'],
};

const REGION_SNOMED: Readonly<Record<string, readonly [string, string]>> = {
  head: ['69536005', 'Head structure'],
  neck: ['45048000', 'Neck structure'],
  shoulder: ['16982005', 'Shoulder region structure'],
  upper_back: ['77568009', 'Back structure, excluding neck'],
  chest: ['51185008', 'Thoracic structure'],
  arm: ['40983000', 'Upper arm structure'],
  elbow: ['127949000', 'Elbow region structure'],
  forearm: ['14975008', 'Forearm structure'],
  trunk: ['22943007', 'Trunk structure'],
  abdomen: ['818981001', 'Abdomen'],
  pelvis: ['816092008', 'Pelvis'],
  hip: ['29836001', 'Hip region structure'],
  thigh: ['68367000', 'Thigh structure'],
  knee: ['72696002', 'Knee region structure'],
  leg: ['30021000', 'Lower leg structure'],
};

/** The body site of a zone (with its side in the text, as R4 has no laterality element here). */
export function bodySite(zone: { id: string; region?: string | undefined; en: string; ar?: string | undefined }, side?: string): CodeableConcept {
  const sct = ZONE_SNOMED[zone.id] ?? (zone.region ? REGION_SNOMED[zone.region] : undefined);
  const coding: Coding[] = [{ system: OWN.bodyZone, code: zone.id, display: zone.en }];
  if (sct) coding.unshift({ system: SYSTEMS.snomed, code: sct[0], display: sct[1] });
  const sideEn = side === 'left' ? ' (left)' : side === 'right' ? ' (right)' : '';
  const sideAr = side === 'left' ? ' (الأيسر)' : side === 'right' ? ' (الأيمن)' : '';
  return concept(coding, `${zone.en}${sideEn}`, zone.ar ? `${zone.ar}${sideAr}` : undefined);
}

/**
 * ICD-10-CM pain-by-site codes for a complaint's region, where a confirmed code names exactly
 * "pain in that region" (clinical-reference §7.1, status C). No diagnosis is implied beyond the
 * complaint itself; other regions carry text and our region code only.
 */
const REGION_ICD10: Readonly<Record<string, readonly [string, string]>> = {
  neck: ['M54.2', 'Cervicalgia'],
  cervical: ['M54.2', 'Cervicalgia'],
  upper_back: ['M54.6', 'Pain in thoracic spine'],
  thoracic: ['M54.6', 'Pain in thoracic spine'],
  low_back: ['M54.50', 'Low back pain, unspecified'],
  lumbar: ['M54.50', 'Low back pain, unspecified'],
};

export function regionIcd10(region: string): Coding | undefined {
  const code = REGION_ICD10[region];
  return code ? { system: SYSTEMS.icd10cm, code: code[0], display: code[1] } : undefined;
}
