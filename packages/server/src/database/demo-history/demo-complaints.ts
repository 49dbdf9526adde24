import type { IntakeAnswerValue } from '@myomap/domain/screening/intake-answers';

/**
 * The complaints the demo clinic treats, as a therapist would chart them. Every id is from the
 * knowledge base: regions are protocol ids (knowledge-base/protocols), zones and muscles are in
 * shared/domain/vocabulary.md, and each muscle's trigger points refer into the zones marked
 * (Travell & Simons' referral maps as the knowledge base holds them). The primary measure follows
 * the clinical reference §4: LEFS for the lower limb, otherwise NPRS (NDI, ODI and QuickDASH are
 * licensed and off in the demo clinic).
 */
export interface DemoComplaint {
  id: string;
  region: string;
  complaint: string;
  primaryInstrumentId: 'nprs' | 'lefs';
  /** Zones of the pain map; `sided` zones take the patient's side, the others none (midline). */
  zones: readonly { zone: string; sided: boolean; share: number }[];
  /** Palpated trigger points, most important first; the first reproduces the familiar pain. */
  triggerPoints: readonly { muscleId: string; activity: 'active' | 'latent' }[];
  /** PSFS activities in the patient's own words, in English and Arabic. */
  activities: readonly { en: string; ar: string }[];
  /** What the intake says about how it started. */
  painCause: string;
  findings: string;
  assessment: string;
  homeAdvice: string;
}

export const DEMO_COMPLAINTS: readonly DemoComplaint[] = [
  {
    id: 'neck',
    region: 'cervical',
    complaint: 'Neck pain with tension-type headaches',
    primaryInstrumentId: 'nprs',
    zones: [
      { zone: 'posterior_neck', sided: true, share: 1 },
      { zone: 'upper_trapezius_ridge', sided: true, share: 0.9 },
      { zone: 'temple', sided: true, share: 0.6 },
    ],
    triggerPoints: [
      { muscleId: 'upper_trapezius', activity: 'active' },
      { muscleId: 'suboccipitals', activity: 'active' },
      { muscleId: 'levator_scapulae', activity: 'latent' },
    ],
    activities: [
      { en: 'Working at the computer for two hours', ar: 'العمل على الحاسوب لمدة ساعتين' },
      { en: 'Checking the blind spot when driving', ar: 'النظر إلى الخلف أثناء القيادة' },
      { en: 'Sleeping through the night', ar: 'النوم طوال الليل دون استيقاظ' },
    ],
    painCause: 'posture',
    findings: 'Active TrP in upper trapezius reproducing the familiar neck and temple pain; suboccipitals tender; cervical rotation restricted.',
    assessment: 'Myofascial neck pain with referred tension-type headache.',
    homeAdvice: 'Upper trapezius stretch twice a day; screen at eye level.',
  },
  {
    id: 'shoulder',
    region: 'shoulder_upper_extremity',
    complaint: 'Shoulder pain reaching overhead',
    primaryInstrumentId: 'nprs',
    zones: [
      { zone: 'anterior_shoulder', sided: true, share: 1 },
      { zone: 'lateral_shoulder', sided: true, share: 0.8 },
      { zone: 'posterior_shoulder', sided: true, share: 0.6 },
    ],
    triggerPoints: [
      { muscleId: 'infraspinatus', activity: 'active' },
      { muscleId: 'supraspinatus', activity: 'active' },
      { muscleId: 'teres_minor', activity: 'latent' },
    ],
    activities: [
      { en: 'Reaching the top shelf', ar: 'الوصول إلى الرف العلوي' },
      { en: 'Putting on a jacket', ar: 'ارتداء السترة' },
      { en: 'Sleeping on that side', ar: 'النوم على هذا الجانب' },
    ],
    painCause: 'repetitive_strain',
    findings: 'Active TrP in infraspinatus reproducing the deep front-of-shoulder pain; painful arc on abduction.',
    assessment: 'Myofascial shoulder pain, infraspinatus and supraspinatus.',
    homeAdvice: 'Tennis-ball release against the wall; sleep with a pillow under the arm.',
  },
  {
    id: 'low_back',
    region: 'lumbar',
    complaint: 'Low back pain',
    primaryInstrumentId: 'nprs',
    zones: [
      { zone: 'low_back', sided: true, share: 1 },
      { zone: 'sacrum_si_joint', sided: true, share: 0.8 },
      { zone: 'buttock', sided: true, share: 0.6 },
    ],
    triggerPoints: [
      { muscleId: 'quadratus_lumborum', activity: 'active' },
      { muscleId: 'gluteus_medius', activity: 'active' },
      { muscleId: 'iliocostalis_lumborum', activity: 'latent' },
    ],
    activities: [
      { en: 'Sitting through a meeting', ar: 'الجلوس طوال اجتماع' },
      { en: 'Lifting my child', ar: 'حمل طفلي' },
      { en: 'Bending to tie my shoes', ar: 'الانحناء لربط الحذاء' },
    ],
    painCause: 'other',
    findings: 'Active TrP in quadratus lumborum reproducing the low back and SI pain; lumbar flexion limited by pain.',
    assessment: 'Mechanical low back pain with quadratus lumborum and gluteus medius trigger points.',
    homeAdvice: 'Walk 20 minutes a day; QL side-lying stretch.',
  },
  {
    id: 'hip',
    region: 'pelvis_hip',
    complaint: 'Buttock pain spreading down the back of the thigh',
    primaryInstrumentId: 'lefs',
    zones: [
      { zone: 'buttock', sided: true, share: 1 },
      { zone: 'posterior_thigh', sided: true, share: 0.7 },
      { zone: 'lateral_hip', sided: true, share: 0.6 },
    ],
    triggerPoints: [
      { muscleId: 'piriformis', activity: 'active' },
      { muscleId: 'gluteus_minimus', activity: 'active' },
      { muscleId: 'gluteus_medius', activity: 'latent' },
    ],
    activities: [
      { en: 'Walking for 30 minutes', ar: 'المشي لمدة 30 دقيقة' },
      { en: 'Getting in and out of the car', ar: 'الدخول إلى السيارة والخروج منها' },
      { en: 'Climbing two flights of stairs', ar: 'صعود طابقين من الدرج' },
    ],
    painCause: 'sports_injury',
    findings: 'Active TrP in piriformis reproducing the buttock and thigh pain; hip internal rotation restricted; no nerve signs.',
    assessment: 'Myofascial buttock pain, piriformis and gluteus minimus.',
    homeAdvice: 'Figure-four stretch morning and evening; avoid sitting on a wallet.',
  },
  {
    id: 'knee',
    region: 'thigh_knee',
    complaint: 'Front-of-knee pain on stairs',
    primaryInstrumentId: 'lefs',
    zones: [
      { zone: 'anterior_knee', sided: true, share: 1 },
      { zone: 'anterior_thigh', sided: true, share: 0.7 },
      { zone: 'medial_knee', sided: true, share: 0.6 },
    ],
    triggerPoints: [
      { muscleId: 'vastus_medialis', activity: 'active' },
      { muscleId: 'rectus_femoris', activity: 'active' },
      { muscleId: 'vastus_lateralis', activity: 'latent' },
    ],
    activities: [
      { en: 'Going down stairs', ar: 'نزول الدرج' },
      { en: 'Kneeling to pray', ar: 'السجود في الصلاة' },
      { en: 'Jogging for 20 minutes', ar: 'الهرولة لمدة 20 دقيقة' },
    ],
    painCause: 'sports_injury',
    findings: 'Active TrP in vastus medialis reproducing the knee pain; knee stable, no effusion.',
    assessment: 'Myofascial anterior knee pain, vastus medialis and rectus femoris.',
    homeAdvice: 'Quadriceps stretch; build stair work back gradually.',
  },
  {
    id: 'calf',
    region: 'leg_foot',
    complaint: 'Calf and heel pain on first steps in the morning',
    primaryInstrumentId: 'lefs',
    zones: [
      { zone: 'heel', sided: true, share: 1 },
      { zone: 'calf', sided: true, share: 0.8 },
      { zone: 'plantar_foot', sided: true, share: 0.6 },
    ],
    triggerPoints: [
      { muscleId: 'soleus', activity: 'active' },
      { muscleId: 'gastrocnemius', activity: 'active' },
      { muscleId: 'abductor_hallucis', activity: 'latent' },
    ],
    activities: [
      { en: 'Walking first thing in the morning', ar: 'المشي أول الصباح' },
      { en: 'Standing at work all day', ar: 'الوقوف طوال يوم العمل' },
      { en: 'Running 5 km', ar: 'الجري 5 كيلومترات' },
    ],
    painCause: 'repetitive_strain',
    findings: 'Active TrP in soleus reproducing the heel pain; ankle dorsiflexion limited.',
    assessment: 'Myofascial heel and calf pain, soleus and gastrocnemius.',
    homeAdvice: 'Calf stretch against the wall; supportive shoes at home.',
  },
  {
    id: 'elbow',
    region: 'forearm_hand',
    complaint: 'Outer elbow pain with gripping',
    primaryInstrumentId: 'nprs',
    zones: [
      { zone: 'lateral_elbow', sided: true, share: 1 },
      { zone: 'dorsal_forearm', sided: true, share: 0.8 },
      { zone: 'dorsal_wrist_hand', sided: true, share: 0.4 },
    ],
    triggerPoints: [
      { muscleId: 'extensor_carpi_radialis_longus', activity: 'active' },
      { muscleId: 'supinator', activity: 'active' },
      { muscleId: 'extensor_digitorum', activity: 'latent' },
    ],
    activities: [
      { en: 'Lifting a full kettle', ar: 'رفع إبريق ماء ممتلئ' },
      { en: 'Typing for an hour', ar: 'الكتابة على لوحة المفاتيح لمدة ساعة' },
      { en: 'Carrying shopping bags', ar: 'حمل أكياس التسوق' },
    ],
    painCause: 'repetitive_strain',
    findings: 'Active TrP in extensor carpi radialis longus reproducing the lateral elbow pain; grip painful.',
    assessment: 'Myofascial lateral elbow pain, wrist extensors and supinator.',
    homeAdvice: 'Wrist extensor stretch hourly at work; mouse closer to the body.',
  },
  {
    id: 'jaw',
    region: 'tmj_cranial',
    complaint: 'Jaw pain with clenching',
    primaryInstrumentId: 'nprs',
    zones: [
      { zone: 'jaw_tmj', sided: true, share: 1 },
      { zone: 'temple', sided: true, share: 0.8 },
      { zone: 'cheek_maxilla', sided: true, share: 0.5 },
    ],
    triggerPoints: [
      { muscleId: 'masseter', activity: 'active' },
      { muscleId: 'temporalis', activity: 'active' },
      { muscleId: 'lateral_pterygoid', activity: 'latent' },
    ],
    activities: [
      { en: 'Chewing a full meal', ar: 'مضغ وجبة كاملة' },
      { en: 'Talking on the phone for long', ar: 'التحدث في الهاتف مدة طويلة' },
      { en: 'Waking without jaw ache', ar: 'الاستيقاظ دون ألم في الفك' },
    ],
    painCause: 'unknown',
    findings: 'Active TrP in masseter reproducing the jaw and cheek pain; mouth opening 35 mm with deviation.',
    assessment: 'Myofascial jaw pain, masseter and temporalis, with daytime clenching.',
    homeAdvice: 'Lips together, teeth apart; jaw relaxation exercise three times a day.',
  },
  {
    id: 'mid_back',
    region: 'thoracic',
    complaint: 'Ache between the shoulder blades',
    primaryInstrumentId: 'nprs',
    zones: [
      { zone: 'scapula_medial_border', sided: true, share: 1 },
      { zone: 'mid_back', sided: true, share: 0.8 },
      { zone: 'upper_thoracic_spine', sided: false, share: 0.5 },
    ],
    triggerPoints: [
      { muscleId: 'rhomboids', activity: 'active' },
      { muscleId: 'middle_trapezius', activity: 'active' },
      { muscleId: 'thoracic_multifidi_rotatores', activity: 'latent' },
    ],
    activities: [
      { en: 'Driving for an hour', ar: 'القيادة لمدة ساعة' },
      { en: 'Carrying a laptop bag', ar: 'حمل حقيبة الحاسوب' },
      { en: 'Working at the desk all morning', ar: 'العمل على المكتب طوال الصباح' },
    ],
    painCause: 'posture',
    findings: 'Active TrP in rhomboids reproducing the interscapular ache; rounded shoulders, thoracic rotation stiff.',
    assessment: 'Myofascial interscapular pain, rhomboids and middle trapezius, with forward-head posture.',
    homeAdvice: 'Doorway pectoral stretch; shoulder-blade squeezes every hour.',
  },
];

/**
 * Intake answers that give a patient a precaution (never a red flag): the screening then says
 * "proceed with precautions", the plan builder removes or caps what the precaution forbids, the
 * plan waits for a physician's co-signature, and the seed never needs an override. Each is a case
 * the screening tests already hold (domain/screening/screening-cases-clean.ts), paired with a
 * complaint it does not contradict.
 */
export interface DemoPrecaution {
  id: string;
  complaintId: string;
  sex?: 'female' | 'male';
  minAge: number;
  maxAge: number;
  /** Only for a patient in care now (a pregnancy's weeks would not fit a course months ago). */
  currentOnly?: boolean;
  /** What the supervising physician writes when clearing the patient within the precaution. */
  physicianNote: string;
  /** Answers for the given side of the body (for zone-bound precautions). */
  answers: (side: 'left' | 'right') => Record<string, IntakeAnswerValue>;
}

const zoneList = (zone: string, side: 'left' | 'right') => JSON.stringify([{ zone, side }]);
const other = (side: 'left' | 'right') => (side === 'left' ? 'right' : 'left');

export const DEMO_PRECAUTIONS: readonly DemoPrecaution[] = [
  {
    id: 'anticoagulant',
    complaintId: 'shoulder',
    minAge: 62,
    maxAge: 74,
    physicianNote: 'On an anticoagulant: light pressure only, no deep compression; stop if bruising.',
    answers: () => ({ 'med-anticoagulant': true }),
  },
  {
    id: 'osteoporosis',
    complaintId: 'mid_back',
    sex: 'female',
    minAge: 60,
    maxAge: 72,
    physicianNote: 'Osteoporosis: no pressure over the spine or ribs; gentle work only.',
    answers: () => ({ 'cond-osteoporosis': true }),
  },
  {
    id: 'varicose_veins',
    complaintId: 'low_back',
    physicianNote: 'Varicose veins in the calf: no massage over them; the back is fine.',
    sex: 'female',
    minAge: 45,
    maxAge: 60,
    answers: (side) => ({ 'cond-varicose-veins': true, 'varicose-veins-zones': zoneList('calf', other(side)) }),
  },
  {
    id: 'steroid_injection',
    complaintId: 'neck',
    physicianNote: 'Recent cortisone injection in the shoulder: avoid the injection site for two weeks.',
    minAge: 40,
    maxAge: 55,
    answers: (side) => ({ 'steroid-injection-recent': true, 'steroid-injection-zones': zoneList('lateral_shoulder', side) }),
  },
  {
    id: 'diabetes',
    complaintId: 'calf',
    minAge: 50,
    maxAge: 66,
    physicianNote: "Diabetes, no neuropathy reported: check the feet's sensation and skin at each visit.",
    answers: () => ({ 'cond-diabetes': true }),
  },
  {
    id: 'pregnancy',
    complaintId: 'low_back',
    sex: 'female',
    minAge: 27,
    maxAge: 34,
    currentOnly: true,
    physicianNote: 'Second-trimester pregnancy, uncomplicated: side-lying, no prone lying, no deep abdominal work.',
    answers: () => ({ 'cond-pregnant': 'yes', 'pregnancy-weeks': 20 }),
  },
];
