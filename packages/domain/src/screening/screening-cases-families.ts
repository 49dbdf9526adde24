import { bornAt, intake, painMap, SCREENING_DAY, type ScreeningCase } from './screening-case-builder.ts';
import type { RedFlagId, Urgency } from './screening-schemas.ts';

/**
 * Issue 9: new cases per family of misses, written apart from screening-cases.ts and not copies of
 * its examples (other ages, wording and contexts), with negative controls in each family. Expected
 * answers follow the sources the rules cite: Finucane 2020 (spinal red flags), IFOMPT 2020 (cervical
 * arteries), NICE NG232 (head injury), Wells 2003 (clots), Meems 2015 (carpal tunnel in pregnancy),
 * Mold 2012 (night sweats), Sanders 2016 (myasthenic crisis).
 */
export type ScreeningFamily =
  | 'fracture'
  | 'cervical_arterial'
  | 'head_injury'
  | 'cancer_history'
  | 'weakness'
  | 'inflammatory_neck'
  | 'emergency'
  | 'over_referral'
  | 'combination';

export interface FamilyCase extends ScreeningCase {
  family: ScreeningFamily;
  /** Precaution rule ids that must be among the result's precautions. */
  expectedPrecautions?: readonly string[];
}

const today = SCREENING_DAY;
const refer = (redFlags: RedFlagId[], urgency: Urgency) => ({ outcome: 'refer_before_treatment', redFlags, urgency }) as const;
const precautions = { outcome: 'proceed_with_precautions', redFlags: [] } as const;
const proceed = { outcome: 'proceed', redFlags: [] } as const;

const FRACTURE: FamilyCase[] = [
  { id: 'FAM_FX_OSTEO_COUGH_RIB', family: 'fracture', kind: 'red_flag', today, expected: refer(['RF_FX'], 'same_day'),
    description: '74-year-old woman with osteoporosis: sharp right rib pain since a coughing fit four days ago, no fall.',
    answers: intake({ 'birth-date': bornAt(74), 'cond-osteoporosis': true, 'pain-map': painMap(['chest', 'right', 7]),
      'pain-onset-speed': 'minutes', 'pain-duration': 'lt_6_weeks', 'pain-cause': 'other', 'pain-cause-other': 'A bad coughing fit' }),
    expectedPrecautions: ['CI_BONE_FRAGILITY'] },
  { id: 'FAM_FX_STEROID_SUITCASE', family: 'fracture', kind: 'red_flag', today, expected: refer(['RF_FX'], 'same_day'),
    description: '58-year-old man on prednisolone for years (asthma): mid-back pain came on over hours after lifting a suitcase.',
    answers: intake({ 'birth-date': bornAt(58), sex: 'male', 'med-corticosteroid': true, 'rf-immunosuppressed': true,
      'pain-map': painMap(['mid_back', 'left', 8], ['mid_back', 'right', 6]), 'pain-onset-speed': 'hours',
      'pain-duration': 'lt_6_weeks', 'pain-cause': 'other', 'pain-cause-other': 'Lifting luggage' }) },
  { id: 'FAM_FX_81_BENDING', family: 'fracture', kind: 'red_flag', today, expected: refer(['RF_FX'], 'same_day'),
    description: '81-year-old man, no known bone disease: sudden low back pain bending to pick up a toy two weeks ago.',
    answers: intake({ 'birth-date': bornAt(81), sex: 'male', 'pain-map': painMap(['low_back', undefined, 7]),
      'pain-onset-speed': 'minutes', 'pain-duration': 'lt_6_weeks', 'pain-cause': 'unknown' }) },
  { id: 'FAM_FX_STRESS_RUNNER', family: 'fracture', kind: 'red_flag', today, expected: refer(['RF_FX'], 'same_day'),
    description: '24-year-old woman training for a marathon: one spot on her left shin hurts when she runs and eases at rest.',
    answers: intake({ 'birth-date': bornAt(24), 'rf-bone-pain-load': true, 'pain-map': painMap(['anterior_shin', 'left', 5]),
      'pain-onset-speed': 'weeks', 'pain-duration': 'lt_6_weeks', 'pain-cause': 'sports_injury' }) },
  { id: 'FAM_FX_STRESS_RECRUIT', family: 'fracture', kind: 'red_flag', today, expected: refer(['RF_FX'], 'same_day'),
    description: '19-year-old military recruit: top of the right foot hurts on marching, better by morning.',
    answers: intake({ 'birth-date': bornAt(19), sex: 'male', 'rf-bone-pain-load': true, 'pain-map': painMap(['dorsal_foot', 'right', 6]),
      'pain-duration': 'lt_6_weeks', 'pain-cause': 'repetitive_strain', 'work-posture': 'manual_lifting' }) },
  { id: 'FAM_FX_NEG_OSTEOPENIA_CHRONIC', family: 'fracture', kind: 'precautions', today, expected: precautions,
    description: 'Negative control: 68-year-old with osteopenia and two years of the same slowly building low back ache.',
    answers: intake({ 'birth-date': bornAt(68), 'cond-osteoporosis': true, 'pain-map': painMap(['low_back', 'left', 4]),
      'pain-onset-speed': 'weeks', 'pain-duration': 'gt_3_months', 'pain-cause': 'posture' }),
    expectedPrecautions: ['CI_BONE_FRAGILITY'] },
];

const CERVICAL_ARTERIAL: FamilyCase[] = [
  { id: 'FAM_CAD_SUDDEN_NECK_31', family: 'cervical_arterial', kind: 'red_flag', today, expected: refer(['RF_CAD'], 'emergency'),
    description: '31-year-old woman: sudden right-sided neck pain at the gym yesterday, unlike anything before; no dizziness.',
    answers: intake({ 'birth-date': bornAt(31), 'rf-neck-headache-sudden': true, 'pain-onset-speed': 'minutes',
      'pain-map': painMap(['lateral_neck', 'right', 7], ['posterior_neck', 'right', 5]), 'pain-duration': 'lt_6_weeks', 'pain-cause': 'unknown' }) },
  { id: 'FAM_CAD_OCCIPITAL_45', family: 'cervical_arterial', kind: 'red_flag', today, expected: refer(['RF_CAD'], 'emergency'),
    description: '45-year-old man: a new sudden back-of-the-head headache after a long drive, not like his usual headaches.',
    answers: intake({ 'birth-date': bornAt(45), sex: 'male', 'rf-neck-headache-sudden': true, 'rf-headache-new': true,
      'pain-map': painMap(['occiput', undefined, 6]), 'pain-onset-speed': 'hours', 'pain-duration': 'lt_6_weeks', 'pain-cause': 'posture' }) },
  { id: 'FAM_CAD_TEEN_BARBER', family: 'cervical_arterial', kind: 'red_flag', today, expected: refer(['RF_CAD'], 'emergency'),
    description: '17-year-old whose neck was "cracked" at a barber ten days ago; new headache and dizzy spells since.',
    answers: intake({ 'birth-date': bornAt(17), sex: 'male', 'rf-neck-trauma': true, 'rf-trauma-assessed': false,
      'rf-neck-dizziness': true, 'rf-headache-new': true, 'pain-map': painMap(['posterior_neck', 'left', 5]), 'pain-duration': 'lt_6_weeks' }) },
  { id: 'FAM_CAD_NEG_TENSION', family: 'cervical_arterial', kind: 'clean', today, expected: proceed,
    description: 'Negative control: 40-year-old with years of the same gradual tension headaches at the end of the working day.',
    answers: intake({ 'birth-date': bornAt(40), 'pain-map': painMap(['occiput', undefined, 4], ['upper_trapezius_ridge', 'left', 4]),
      'pain-duration': 'gt_3_months', 'pain-onset-speed': 'weeks' }) },
];

const HEAD_INJURY: FamilyCase[] = [
  { id: 'FAM_HEAD_APIXABAN_FALL', family: 'head_injury', kind: 'red_flag', today, expected: refer(['RF_HEAD_INJURY', 'RF_FX'], 'emergency'),
    description: '79-year-old on apixaban who tripped and hit her head five days ago; neck pain since, not seen by a doctor.',
    answers: intake({ 'birth-date': bornAt(79), 'med-anticoagulant': true, 'rf-head-injury': true, 'rf-recent-trauma': 'minor',
      'rf-bony-tenderness': false, 'rf-trauma-assessed': false, 'pain-duration': 'lt_6_weeks', 'pain-cause': 'accident' }) },
  { id: 'FAM_HEAD_RIVAROXABAN_BOOT', family: 'head_injury', kind: 'red_flag', today, expected: refer(['RF_HEAD_INJURY'], 'emergency'),
    description: '38-year-old on rivaroxaban after a past DVT: hit his head on the car boot two days ago, mild headache.',
    answers: intake({ 'birth-date': bornAt(38), sex: 'male', 'med-anticoagulant': true, 'cond-clot-history': true, 'rf-head-injury': true }),
    expectedPrecautions: ['CI_BLEEDING_RISK'] },
  { id: 'FAM_HEAD_HAEMOPHILIA', family: 'head_injury', kind: 'red_flag', today, expected: refer(['RF_HEAD_INJURY'], 'emergency'),
    description: '26-year-old man with haemophilia: clash of heads at football on Friday.',
    answers: intake({ 'birth-date': bornAt(26), sex: 'male', 'cond-bleeding-disorder': true, 'rf-head-injury': true,
      'pain-cause': 'sports_injury', 'pain-duration': 'lt_6_weeks' }) },
  { id: 'FAM_HEAD_NEG_CABINET', family: 'head_injury', kind: 'precautions', today, expected: precautions,
    description: 'Negative control: 30-year-old who bumped her head on a kitchen cabinet a week ago; no symptoms, no blood thinners.',
    answers: intake({ 'birth-date': bornAt(30), 'rf-head-injury': true }), expectedPrecautions: ['CI_HEAD_INJURY_RECENT'] },
];

const CANCER_HISTORY: FamilyCase[] = [
  { id: 'FAM_CA_BREAST_GARDENING', family: 'cancer_history', kind: 'red_flag', today, expected: refer(['RF_CA'], 'soon'),
    description: '61-year-old treated for breast cancer ten years ago: three weeks of right shoulder pain she blames on gardening.',
    answers: intake({ 'birth-date': bornAt(61), 'cond-cancer': 'past', 'pain-cause': 'other', 'pain-cause-other': 'Gardening',
      'pain-duration': 'lt_6_weeks', 'pain-map': painMap(['anterior_shoulder', 'right', 5]) }) },
  { id: 'FAM_CA_PROSTATE_GOLF', family: 'cancer_history', kind: 'red_flag', today, expected: refer(['RF_CA'], 'soon'),
    description: '70-year-old treated for prostate cancer four years ago: left hip pain for five weeks, "since a round of golf".',
    answers: intake({ 'birth-date': bornAt(70), sex: 'male', 'cond-cancer': 'past', 'pain-cause': 'sports_injury',
      'pain-duration': 'lt_6_weeks', 'pain-map': painMap(['lateral_hip', 'left', 6]) }) },
  { id: 'FAM_CA_LYMPHOMA_RIB', family: 'cancer_history', kind: 'red_flag', today, expected: refer(['RF_CA'], 'soon'),
    description: '45-year-old with lymphoma in remission: chest-wall pain for two months that she puts down to a cold and coughing.',
    answers: intake({ 'birth-date': bornAt(45), 'cond-cancer': 'past', 'pain-cause': 'other', 'pain-cause-other': 'Coughing with a cold',
      'pain-duration': 'weeks_6_to_months_3', 'pain-map': painMap(['chest', 'left', 4]) }) },
  { id: 'FAM_CA_COLON_NECK_POSTURE', family: 'cancer_history', kind: 'red_flag', today, expected: refer(['RF_CA'], 'soon'),
    description: '55-year-old under treatment for colon cancer: neck pain he blames on his desk; the oncologist must clear treatment too.',
    answers: intake({ 'birth-date': bornAt(55), sex: 'male', 'cond-cancer': 'current', 'pain-cause': 'posture' }),
    expectedPrecautions: ['CI_CANCER_ACTIVE'] },
  { id: 'FAM_CA_NEG_OLD_KNEE', family: 'cancer_history', kind: 'clean', today, expected: proceed,
    description: 'Negative control: 66-year-old treated for skin melanoma 12 years ago; the same knee osteoarthritis ache for five years.',
    answers: intake({ 'birth-date': bornAt(66), 'cond-cancer': 'past', 'pain-duration': 'gt_3_months', 'pain-cause': 'unknown',
      'pain-map': painMap(['medial_knee', 'right', 3]) }) },
];

const WEAKNESS: FamilyCase[] = [
  { id: 'FAM_WEAK_STAIRS_NO_STATIN', family: 'weakness', kind: 'red_flag', today, expected: refer(['RF_NMD'], 'soon'),
    description: '47-year-old woman, no statin: over three months stairs and low chairs have become hard because her thighs are weak.',
    answers: intake({ 'birth-date': bornAt(47), 'nmd-functional-weakness': true, 'nmd-progressive': true, 'nmd-rapid': false,
      'pain-map': painMap(['anterior_thigh', 'left', 3], ['anterior_thigh', 'right', 3]) }) },
  { id: 'FAM_WEAK_ARMS_OVERHEAD_NO_STATIN', family: 'weakness', kind: 'red_flag', today, expected: refer(['RF_NMD'], 'soon'),
    description: '52-year-old woman, no statin, who can no longer lift her arms to wash her hair because they feel weak; she does not call it worse over time.',
    answers: intake({ 'birth-date': bornAt(52), 'nmd-functional-weakness': true, 'nmd-rapid': false,
      'pain-map': painMap(['lateral_shoulder', 'left', 2], ['lateral_shoulder', 'right', 2]) }) },
  { id: 'FAM_WEAK_STATIN_CHAIR', family: 'weakness', kind: 'red_flag', today, expected: refer(['RF_NMD'], 'soon'),
    description: '63-year-old man on atorvastatin: weak getting out of a chair, not from pain.',
    answers: intake({ 'birth-date': bornAt(63), sex: 'male', 'med-statin': true, 'nmd-functional-weakness': true, 'nmd-rapid': false }) },
  { id: 'FAM_WEAK_GRIP_TWITCH', family: 'weakness', kind: 'red_flag', today, expected: refer(['RF_NMD', 'RF_NEURO_DEF'], 'same_day'),
    description: '58-year-old: right grip weakening for months with twitching in the forearm.',
    answers: intake({ 'birth-date': bornAt(58), sex: 'male', 'rf-foot-drop-grip': true, 'nmd-progressive': true, 'nmd-twitching': true,
      'nmd-rapid': false, 'pain-map': painMap(['volar_forearm', 'right', 2]) }) },
  { id: 'FAM_WEAK_OVER_DAYS', family: 'weakness', kind: 'red_flag', today, expected: refer(['RF_NMD'], 'same_day'),
    description: '35-year-old: legs weaker each day for four days after a stomach bug.',
    answers: intake({ 'birth-date': bornAt(35), 'nmd-functional-weakness': true, 'nmd-weakness-main': true, 'nmd-rapid': true,
      'pain-onset-speed': 'days', 'pain-duration': 'lt_6_weeks', 'pain-cause': 'unknown' }) },
  { id: 'FAM_WEAK_NEG_PAINFUL_SHOULDER', family: 'weakness', kind: 'clean', today, expected: proceed,
    description: 'Negative control: 40-year-old whose arm "feels weak" only because lifting it hurts (shoulder trigger points).',
    answers: intake({ 'birth-date': bornAt(40), 'pain-map': painMap(['lateral_shoulder', 'left', 6], ['posterior_shoulder', 'left', 5]) }) },
];

const INFLAMMATORY_NECK: FamilyCase[] = [
  { id: 'FAM_RA_NECK_SETTLED', family: 'inflammatory_neck', kind: 'precautions', today, expected: precautions,
    description: '56-year-old with settled rheumatoid arthritis and a stiff neck.',
    answers: intake({ 'birth-date': bornAt(56), 'cond-inflammatory-arthritis': 'yes_settled' }), expectedPrecautions: ['CI_INFLAMMATORY_NECK'] },
  { id: 'FAM_RA_FLARE_OCCIPUT', family: 'inflammatory_neck', kind: 'precautions', today, expected: precautions,
    description: '44-year-old in a rheumatoid flare with an ache at the base of the skull.',
    answers: intake({ 'birth-date': bornAt(44), 'cond-inflammatory-arthritis': 'yes_flare', 'pain-map': painMap(['occiput', undefined, 5]) }),
    expectedPrecautions: ['CI_INFLAMMATORY_NECK', 'CI_INFLAMMATORY_FLARE'] },
  { id: 'FAM_PSA_NECK_LHERMITTE', family: 'inflammatory_neck', kind: 'red_flag', today, expected: refer(['RF_CORD'], 'same_day'),
    description: '52-year-old with psoriatic arthritis: neck pain and an electric shock down the back on bending the head.',
    answers: intake({ 'birth-date': bornAt(52), sex: 'male', 'cond-inflammatory-arthritis': 'yes_settled', 'rf-lhermitte': true }),
    expectedPrecautions: ['CI_INFLAMMATORY_NECK'] },
];

const EMERGENCY: FamilyCase[] = [
  { id: 'FAM_EM_MG_BREATHING', family: 'emergency', kind: 'red_flag', today, expected: refer(['RF_NMD'], 'emergency'),
    description: '34-year-old with myasthenia gravis: breathing harder this week, eyelids drooping by evening.',
    answers: intake({ 'birth-date': bornAt(34), 'cond-nmd-diagnosed': true, 'nmd-diagnosis-details': 'Myasthenia gravis, Dr Rashid',
      'nmd-breathing-difficulty': true, 'nmd-ptosis-diplopia': true }) },
  { id: 'FAM_EM_MG_SWALLOWING', family: 'emergency', kind: 'red_flag', today, expected: refer(['RF_NMD'], 'emergency'),
    description: '60-year-old man with known myasthenia who has choked on drinks since yesterday.',
    answers: intake({ 'birth-date': bornAt(60), sex: 'male', 'cond-nmd-diagnosed': true, 'nmd-swallowing-difficulty': true }) },
  { id: 'FAM_EM_WEAK_BREATHLESS', family: 'emergency', kind: 'red_flag', today, expected: refer(['RF_NMD'], 'emergency'),
    description: '66-year-old whose main problem is weakness, now short of breath lying flat.',
    answers: intake({ 'birth-date': bornAt(66), sex: 'male', 'nmd-weakness-main': true, 'nmd-breathing-difficulty': true, 'nmd-rapid': false }) },
  { id: 'FAM_EM_STROKE_SPEECH_NECK', family: 'emergency', kind: 'red_flag', today, expected: refer(['RF_STROKE'], 'emergency'),
    description: '52-year-old with a week of neck pain whose speech became slurred this morning.',
    answers: intake({ 'birth-date': bornAt(52), 'rf-speech-sudden': true }) },
  { id: 'FAM_EM_STROKE_ARM_NO_NECK', family: 'emergency', kind: 'red_flag', today, expected: refer(['RF_STROKE'], 'emergency'),
    description: '72-year-old woman whose left arm and face went numb an hour ago; no neck pain.',
    answers: intake({ 'birth-date': bornAt(72), 'rf-one-side-sudden': true, 'pain-map': painMap(['lateral_shoulder', 'left', 2]) }) },
  { id: 'FAM_EM_NEG_DIABETIC_NEUROPATHY', family: 'emergency', kind: 'precautions', today, expected: precautions,
    description: 'Negative control: 67-year-old with known diabetic neuropathy; numb feet slowly worse over months.',
    answers: intake({ 'birth-date': bornAt(67), 'cond-diabetes': true, 'cond-neuropathy': true, 'rf-feet-numb-both': true,
      'rf-limb-symptoms-worsening': true, 'rf-limb-worsening-speed': 'months', 'pain-duration': 'gt_3_months' }),
    expectedPrecautions: ['CI_SENSORY_LOSS'] },
  { id: 'FAM_EM_NEG_CHEMO_NEUROPATHY', family: 'emergency', kind: 'precautions', today, expected: precautions,
    description: 'Negative control: 58-year-old with stable numb hands and feet since chemotherapy five years ago; old shoulder ache.',
    answers: intake({ 'birth-date': bornAt(58), 'cond-cancer': 'past', 'cond-neuropathy': true, 'rf-hands-numb-both': true,
      'rf-feet-numb-both': true, 'rf-limb-symptoms-worsening': false, 'pain-duration': 'gt_3_months',
      'pain-map': painMap(['posterior_shoulder', 'left', 3]) }), expectedPrecautions: ['CI_SENSORY_LOSS'] },
  { id: 'FAM_EM_NEG_STABLE_MG', family: 'emergency', kind: 'red_flag', today, expected: refer(['RF_NMD'], 'soon'),
    description: 'Negative control for urgency: 41-year-old with stable myasthenia, droopy eyelids in the evening, breathing and swallowing fine.',
    answers: intake({ 'birth-date': bornAt(41), 'cond-nmd-diagnosed': true, 'nmd-ptosis-diplopia': true }) },
];

const OVER_REFERRAL: FamilyCase[] = [
  { id: 'FAM_OR_CALF_SPRINTS', family: 'over_referral', kind: 'precautions', today, expected: precautions,
    description: '33-year-old: left calf tender after hill sprints; not swollen, warm or red.',
    answers: intake({ 'birth-date': bornAt(33), sex: 'male', 'rf-calf-painful': true, 'rf-calf-side': 'left',
      'pain-map': painMap(['calf', 'left', 5]), 'pain-cause': 'sports_injury', 'pain-duration': 'lt_6_weeks' }),
    expectedPrecautions: ['CI_CALF_PAIN'] },
  { id: 'FAM_OR_CALF_ACHE_50', family: 'over_referral', kind: 'precautions', today, expected: precautions,
    description: '50-year-old woman: right calf aches and is tender to touch after long days standing; no swelling.',
    answers: intake({ 'birth-date': bornAt(50), 'rf-calf-painful': true, 'rf-calf-side': 'right', 'pain-map': painMap(['calf', 'right', 4]) }),
    expectedPrecautions: ['CI_CALF_PAIN'] },
  { id: 'FAM_OR_CALF_SWOLLEN_FLIGHT', family: 'over_referral', kind: 'whole_session', today, expected: refer(['RF_PE_DVT'], 'same_day'),
    description: 'Positive control: 45-year-old man whose left calf is swollen and painful since a 14-hour flight.',
    answers: intake({ 'birth-date': bornAt(45), sex: 'male', 'rf-calf-one-swollen': true, 'rf-calf-painful': true, 'rf-calf-side': 'left' }),
    expectedPrecautions: ['CI_DVT_LIMB'] },
  { id: 'FAM_OR_NIGHT_SWEATS_MENOPAUSE', family: 'over_referral', kind: 'precautions', today, expected: precautions,
    description: '51-year-old woman with menopausal night sweats and desk neck pain; no fever.',
    answers: intake({ 'birth-date': bornAt(51), 'rf-night-sweats': true }), expectedPrecautions: ['CI_NIGHT_SWEATS'] },
  { id: 'FAM_OR_NIGHT_SWEATS_29', family: 'over_referral', kind: 'precautions', today, expected: precautions,
    description: '29-year-old man who sweats at night in a hot flat; knee pain from football.',
    answers: intake({ 'birth-date': bornAt(29), sex: 'male', 'rf-night-sweats': true, 'pain-map': painMap(['anterior_knee', 'left', 4]),
      'pain-cause': 'sports_injury' }), expectedPrecautions: ['CI_NIGHT_SWEATS'] },
  { id: 'FAM_OR_NIGHT_SWEATS_BIOLOGIC_BACK', family: 'over_referral', kind: 'red_flag', today, expected: refer(['RF_INF'], 'emergency'),
    description: 'Positive control: 48-year-old on a biologic for Crohn\'s disease with new low back pain and drenching night sweats.',
    answers: intake({ 'birth-date': bornAt(48), 'rf-immunosuppressed': true, 'rf-night-sweats': true, 'rf-spa-associated': true,
      'pain-map': painMap(['low_back', undefined, 6]), 'pain-duration': 'lt_6_weeks', 'pain-cause': 'unknown' }) },
  { id: 'FAM_OR_INJECTS_DRUGS_BACK', family: 'over_referral', kind: 'red_flag', today, expected: refer(['RF_INF'], 'emergency'),
    description: 'Positive control: 36-year-old who injects drugs, with mid-back pain and sweats at night (Finucane 2020: spinal infection).',
    answers: intake({ 'birth-date': bornAt(36), sex: 'male', 'rf-injects-drugs': true, 'rf-night-sweats': true,
      'pain-map': painMap(['mid_back', undefined, 6]), 'pain-duration': 'lt_6_weeks', 'pain-cause': 'unknown' }) },
  { id: 'FAM_OR_PREGNANT_HANDS', family: 'over_referral', kind: 'precautions', today, expected: precautions,
    description: '31-year-old, 30 weeks pregnant: both hands tingle at night; no clumsiness or walking problem.',
    answers: intake({ 'birth-date': bornAt(31), 'cond-pregnant': 'yes', 'pregnancy-weeks': 30, 'rf-hands-numb-both': true,
      'rf-limb-symptoms-worsening': false }), expectedPrecautions: ['CI_PREGNANCY_HANDS', 'CI_PREGNANCY'] },
  { id: 'FAM_OR_PREGNANT_HANDS_CLUMSY', family: 'over_referral', kind: 'red_flag', today, expected: refer(['RF_CORD'], 'same_day'),
    description: 'Positive control: 27-year-old, 24 weeks pregnant, tingling in both hands and dropping cups.',
    answers: intake({ 'birth-date': bornAt(27), 'cond-pregnant': 'yes', 'pregnancy-weeks': 24, 'rf-hands-numb-both': true,
      'rf-hands-clumsy': true, 'rf-limb-symptoms-worsening': false }) },
  { id: 'FAM_OR_HANDS_NOT_PREGNANT', family: 'over_referral', kind: 'red_flag', today, expected: refer(['RF_CORD'], 'same_day'),
    description: '44-year-old man with tingling in both hands and no known neuropathy: still referred (errs towards referral).',
    answers: intake({ 'birth-date': bornAt(44), sex: 'male', 'rf-hands-numb-both': true, 'rf-limb-symptoms-worsening': false }) },
];

const COMBINATION: FamilyCase[] = [
  { id: 'FAM_COMBO_FOOTDROP_WARFARIN', family: 'combination', kind: 'red_flag', today, expected: refer(['RF_NEURO_DEF'], 'emergency'),
    description: '66-year-old on warfarin with a new foot drop: alone same day, on a blood thinner an emergency (spinal bleed).',
    answers: intake({ 'birth-date': bornAt(66), sex: 'male', 'med-anticoagulant': true, 'rf-foot-drop-grip': true,
      'pain-map': painMap(['low_back', 'left', 5], ['lateral_leg', 'left', 4]), 'pain-duration': 'gt_3_months' }) },
  { id: 'FAM_COMBO_CANCER_GRIP', family: 'combination', kind: 'red_flag', today, expected: refer(['RF_NEURO_DEF', 'RF_CA', 'RF_CORD'], 'emergency'),
    description: '59-year-old treated for breast cancer: new loss of grip in one hand and neck pain for three weeks (possible cord compression).',
    answers: intake({ 'birth-date': bornAt(59), 'cond-cancer': 'past', 'rf-foot-drop-grip': true, 'pain-duration': 'lt_6_weeks' }) },
  { id: 'FAM_COMBO_NEG_WARFARIN_CLEAN', family: 'combination', kind: 'precautions', today, expected: precautions,
    description: 'Negative control: 70-year-old on warfarin with ordinary desk neck pain: a precaution, not an emergency.',
    answers: intake({ 'birth-date': bornAt(70), 'med-anticoagulant': true }), expectedPrecautions: ['CI_BLEEDING_RISK'] },
];

export const SCREENING_FAMILY_CASES: readonly FamilyCase[] = [
  ...FRACTURE,
  ...CERVICAL_ARTERIAL,
  ...HEAD_INJURY,
  ...CANCER_HISTORY,
  ...WEAKNESS,
  ...INFLAMMATORY_NECK,
  ...EMERGENCY,
  ...OVER_REFERRAL,
  ...COMBINATION,
];
