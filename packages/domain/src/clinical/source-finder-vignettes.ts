import type { PainMark, Side } from './source-finder-types.ts';

/**
 * The evaluation set for the source finder, written from the myofascial pain literature BEFORE
 * the ranking was tuned, and never edited to fit it: it measures, it is not a target.
 *
 * `expected` holds the 1-3 muscles a standard text names first for the pain pattern; a vignette
 * is a lenient hit when any of them is ranked in the top k, a strict hit when the first one is.
 * `side`, when present, is the side the trigger point is expected on.
 *
 * TS1 = Simons, Travell & Simons, Myofascial Pain and Dysfunction: The Trigger Point Manual,
 *       Vol. 1, Upper Half of Body, 2nd ed. (1999), pain guide and chapters.
 * TS2 = Travell & Simons, The Trigger Point Manual, Vol. 2, The Lower Extremities (1992).
 * DON = Donnelly et al., Travell, Simons & Simons' Myofascial Pain and Dysfunction, 3rd ed. (2019).
 * CD  = Chaitow & DeLany, Clinical Application of Neuromuscular Techniques, 2nd ed., Vols 1-2.
 */
export interface SourceFinderVignette {
  id: string;
  description: string;
  zones: PainMark[];
  expected: string[];
  side?: Side;
  source: string;
}

const r = (zone: string, intensity?: number): PainMark => (intensity === undefined ? { zone, side: 'right' } : { zone, side: 'right', intensity });
const l = (zone: string, intensity?: number): PainMark => (intensity === undefined ? { zone, side: 'left' } : { zone, side: 'left', intensity });
const z = (zone: string): PainMark => ({ zone });

export const sourceFinderVignettes: readonly SourceFinderVignette[] = [
  // Head and face
  {
    id: 'temple-headache',
    description: 'Tension-type headache at the temple',
    zones: [z('temple')],
    expected: ['upper_trapezius', 'temporalis', 'sternocleidomastoid'],
    source: 'TS1 pain guide, temporal headache',
  },
  {
    id: 'frontal-headache',
    description: 'Frontal headache across the forehead',
    zones: [z('forehead')],
    expected: ['sternocleidomastoid', 'semispinalis_capitis', 'occipitofrontalis'],
    source: 'TS1 pain guide, frontal headache',
  },
  {
    id: 'eyebrow-orbit',
    description: 'Pain over the eyebrow and behind the eye',
    zones: [z('eyebrow_orbit')],
    expected: ['sternocleidomastoid', 'temporalis', 'splenius_cervicis'],
    source: 'TS1 pain guide, eye and eyebrow pain',
  },
  {
    id: 'occipital-headache',
    description: 'Headache at the back of the head',
    zones: [z('occiput')],
    expected: ['suboccipitals', 'semispinalis_capitis', 'upper_trapezius'],
    source: 'TS1 pain guide, occipital headache; TS1 ch. 17',
  },
  {
    id: 'vertex-headache',
    description: 'Pain on top of the head',
    zones: [z('vertex')],
    expected: ['sternocleidomastoid', 'splenius_capitis'],
    source: 'TS1 pain guide, vertex headache',
  },
  {
    id: 'back-of-neck',
    description: 'Ache at the back of the neck',
    zones: [z('posterior_neck')],
    expected: ['upper_trapezius', 'cervical_multifidi', 'levator_scapulae'],
    source: 'TS1 pain guide, back-of-neck pain',
  },
  {
    id: 'tmj-pain',
    description: 'Pain at the jaw angle and in front of the ear',
    zones: [z('jaw_tmj')],
    expected: ['masseter', 'lateral_pterygoid', 'medial_pterygoid'],
    source: 'TS1 pain guide, TMJ and jaw pain; TS1 ch. 8, 11',
  },
  {
    id: 'toothache',
    description: 'Toothache with no dental cause',
    zones: [z('teeth')],
    expected: ['temporalis', 'masseter', 'digastric'],
    source: 'TS1 pain guide, toothache',
  },
  {
    id: 'ear-pain',
    description: 'Deep ear ache, ear stuffiness',
    zones: [z('ear')],
    expected: ['masseter', 'lateral_pterygoid', 'sternocleidomastoid'],
    source: 'TS1 pain guide, ear and TMJ pain',
  },
  {
    id: 'cheek-pain',
    description: 'Pain over the cheek (maxillary "sinus" pain)',
    zones: [z('cheek_maxilla')],
    expected: ['sternocleidomastoid', 'masseter', 'lateral_pterygoid'],
    source: 'TS1 pain guide, cheek pain',
  },
  {
    id: 'throat-pain',
    description: 'Sore throat sensation at the front of the neck',
    zones: [z('anterior_neck')],
    expected: ['sternocleidomastoid', 'digastric', 'medial_pterygoid'],
    source: 'TS1 pain guide, throat and front-of-neck pain',
  },
  {
    id: 'scm-sternal-pattern',
    description: 'Pain over the eye, across the cheek and on the vertex',
    zones: [z('eyebrow_orbit'), z('cheek_maxilla'), z('vertex')],
    expected: ['sternocleidomastoid'],
    source: 'TS1 ch. 7 (sternal division referral)',
  },
  {
    id: 'masseter-pattern',
    description: 'Jaw angle, molar teeth and ear pain together',
    zones: [z('jaw_tmj'), z('teeth'), z('ear')],
    expected: ['masseter'],
    source: 'TS1 ch. 8',
  },
  {
    id: 'temporalis-pattern',
    description: 'Temple headache spreading to the upper teeth and eyebrow',
    zones: [z('temple'), z('teeth'), z('eyebrow_orbit')],
    expected: ['temporalis'],
    source: 'TS1 ch. 9',
  },
  {
    id: 'upper-trap-right',
    description: 'Right temple headache with right back-of-neck pain',
    zones: [r('temple'), r('posterior_neck')],
    expected: ['upper_trapezius'],
    side: 'right',
    source: 'TS1 ch. 6 (upper trapezius referral to posterolateral neck and temple)',
  },
  {
    id: 'upper-trap-left-jaw',
    description: 'Left back-of-neck, jaw angle and temple pain',
    zones: [l('posterior_neck', 7), l('jaw_tmj', 4), l('temple', 6)],
    expected: ['upper_trapezius'],
    side: 'left',
    source: 'TS1 ch. 6; CD Vol 1 ch. 11',
  },

  // Shoulder, upper back and arm
  {
    id: 'front-of-shoulder',
    description: 'Deep ache at the front of the shoulder',
    zones: [z('anterior_shoulder')],
    expected: ['infraspinatus', 'deltoid', 'scalenes'],
    source: 'TS1 pain guide, front-of-shoulder pain',
  },
  {
    id: 'lateral-shoulder',
    description: 'Ache over the middle deltoid',
    zones: [z('lateral_shoulder')],
    expected: ['supraspinatus', 'deltoid'],
    source: 'TS1 ch. 21 (supraspinatus), ch. 28 (deltoid)',
  },
  {
    id: 'back-of-shoulder',
    description: 'Pain at the back of the shoulder',
    zones: [z('posterior_shoulder')],
    expected: ['deltoid', 'teres_minor', 'subscapularis'],
    source: 'TS1 pain guide, back-of-shoulder pain; ch. 23, 26',
  },
  {
    id: 'between-shoulder-blades',
    description: 'Pain between the shoulder blade and the spine',
    zones: [z('scapula_medial_border')],
    expected: ['rhomboids', 'scalenes', 'levator_scapulae'],
    source: 'TS1 pain guide, mid-thoracic back pain; ch. 27',
  },
  {
    id: 'levator-pattern',
    description: 'Stiff neck with pain at the neck-shoulder angle and along the shoulder blade',
    zones: [z('posterior_neck'), z('scapula_medial_border'), z('posterior_shoulder')],
    expected: ['levator_scapulae'],
    source: 'TS1 ch. 19',
  },
  {
    id: 'supraspinatus-pattern',
    description: 'Mid-deltoid ache spreading to the lateral epicondyle',
    zones: [z('lateral_shoulder'), z('lateral_elbow')],
    expected: ['supraspinatus'],
    source: 'TS1 ch. 21',
  },
  {
    id: 'infraspinatus-pattern-left',
    description: 'Left front-of-shoulder pain down the front of the arm to the thumb',
    zones: [l('anterior_shoulder'), l('anterior_upper_arm'), l('thumb_base')],
    expected: ['infraspinatus', 'scalenes'],
    side: 'left',
    source: 'TS1 ch. 22 (infraspinatus), ch. 20 (scalenes)',
  },
  {
    id: 'scalene-pattern',
    description: 'Chest, back of arm, medial scapular border and thumb/index pain',
    zones: [z('chest'), z('posterior_upper_arm'), z('scapula_medial_border'), z('thumb_base')],
    expected: ['scalenes'],
    source: 'TS1 ch. 20',
  },
  {
    id: 'back-of-arm',
    description: 'Pain down the back of the upper arm',
    zones: [z('posterior_upper_arm')],
    expected: ['scalenes', 'triceps_brachii', 'deltoid'],
    source: 'TS1 pain guide, back-of-arm pain',
  },
  {
    id: 'front-of-arm',
    description: 'Pain at the front of the upper arm',
    zones: [z('anterior_upper_arm')],
    expected: ['scalenes', 'infraspinatus', 'biceps_brachii'],
    source: 'TS1 pain guide, front-of-arm pain',
  },
  {
    id: 'serratus-post-sup-pattern',
    description: 'Deep ache under the shoulder blade, back of the arm and the little finger',
    zones: [z('scapula_body'), z('posterior_upper_arm'), z('fingers')],
    expected: ['serratus_posterior_superior'],
    source: 'TS1 ch. 47',
  },
  {
    id: 'chest-pain',
    description: 'Chest pain over the pectorals (cardiac causes excluded)',
    zones: [z('chest')],
    expected: ['pectoralis_major', 'pectoralis_minor', 'scalenes'],
    source: 'TS1 pain guide, front-of-chest pain',
  },
  {
    id: 'pec-major-pattern',
    description: 'Chest and front-of-shoulder pain reaching the inner elbow',
    zones: [z('chest'), z('anterior_shoulder'), z('medial_elbow')],
    expected: ['pectoralis_major'],
    source: 'TS1 ch. 42',
  },
  {
    id: 'sternal-pain',
    description: 'Pain over the breastbone',
    zones: [z('sternum')],
    expected: ['pectoralis_major', 'sternocleidomastoid'],
    source: 'TS1 pain guide, sternal pain; ch. 43 (sternalis)',
  },

  // Elbow, forearm and hand
  {
    id: 'lateral-elbow',
    description: 'Lateral epicondyle pain ("tennis elbow")',
    zones: [z('lateral_elbow')],
    expected: ['supinator', 'extensor_carpi_radialis_longus', 'brachioradialis'],
    source: 'TS1 pain guide, lateral epicondylar pain',
  },
  {
    id: 'medial-elbow',
    description: 'Medial epicondyle pain',
    zones: [z('medial_elbow')],
    expected: ['triceps_brachii', 'pectoralis_major', 'pectoralis_minor'],
    source: 'TS1 pain guide, medial epicondylar pain',
  },
  {
    id: 'lateral-elbow-to-thumb',
    description: 'Lateral elbow pain spreading to the back of the hand and the thumb web',
    zones: [z('lateral_elbow'), z('dorsal_wrist_hand'), z('thumb_base')],
    expected: ['extensor_carpi_radialis_longus', 'brachioradialis', 'supinator'],
    source: 'TS1 ch. 34, 36',
  },
  {
    id: 'dorsal-wrist',
    description: 'Pain on the back of the wrist and hand',
    zones: [z('dorsal_wrist_hand')],
    expected: ['extensor_carpi_radialis_brevis', 'extensor_digitorum', 'extensor_indicis'],
    source: 'TS1 pain guide, back of wrist and hand pain',
  },
  {
    id: 'palmar-wrist',
    description: 'Pain on the palm side of the wrist',
    zones: [z('palmar_wrist_hand')],
    expected: ['flexor_carpi_radialis', 'flexor_carpi_ulnaris', 'opponens_pollicis'],
    source: 'TS1 pain guide, palmar wrist and hand pain',
  },
  {
    id: 'thumb-base',
    description: 'Pain at the base of the thumb',
    zones: [z('thumb_base')],
    expected: ['supinator', 'scalenes', 'brachialis'],
    source: 'TS1 pain guide, thumb and radial hand pain',
  },
  {
    id: 'volar-forearm',
    description: 'Pain on the palm side of the forearm',
    zones: [z('volar_forearm')],
    expected: ['palmaris_longus', 'pronator_teres', 'serratus_anterior'],
    source: 'TS1 pain guide, volar forearm pain',
  },
  {
    id: 'finger-pain',
    description: 'Aching fingers',
    zones: [z('fingers')],
    expected: ['extensor_digitorum', 'hand_interossei', 'scalenes'],
    source: 'TS1 pain guide, dorsal finger pain',
  },

  // Trunk
  {
    id: 'mid-back',
    description: 'Mid-back pain below the shoulder blade',
    zones: [z('mid_back')],
    expected: ['iliocostalis_thoracis', 'latissimus_dorsi', 'serratus_posterior_inferior'],
    source: 'TS1 pain guide, mid-thoracic back pain; ch. 48',
  },
  {
    id: 'upper-abdomen',
    description: 'Upper abdominal pain, visceral causes excluded',
    zones: [z('upper_abdomen')],
    expected: ['rectus_abdominis', 'abdominal_obliques'],
    source: 'TS1 pain guide, abdominal pain; ch. 49',
  },
  {
    id: 'low-back',
    description: 'Low back pain across the lumbar region',
    zones: [z('low_back')],
    expected: ['quadratus_lumborum', 'iliopsoas', 'gluteus_medius'],
    source: 'TS2 pain guide, low back pain; ch. 4, 5, 8',
  },
  {
    id: 'low-back-both-sides',
    description: 'Low back pain on both sides',
    zones: [l('low_back', 6), r('low_back', 6)],
    expected: ['quadratus_lumborum', 'iliopsoas', 'gluteus_medius'],
    source: 'TS2 pain guide, low back pain',
  },
  {
    id: 'ql-pattern-right',
    description: 'Right low back pain with right buttock and outer hip pain',
    zones: [r('low_back', 8), r('buttock', 5), r('lateral_hip', 5)],
    expected: ['quadratus_lumborum'],
    side: 'right',
    source: 'TS2 ch. 4',
  },
  {
    id: 'iliopsoas-pattern',
    description: 'Low back pain with groin and front-of-thigh pain',
    zones: [z('low_back'), z('groin'), z('anterior_thigh')],
    expected: ['iliopsoas'],
    source: 'TS2 ch. 5',
  },
  {
    id: 'sacrum-si',
    description: 'Pain over the sacrum and sacroiliac joint',
    zones: [z('sacrum_si_joint')],
    expected: ['quadratus_lumborum', 'gluteus_medius', 'lumbar_multifidi'],
    source: 'TS2 pain guide, sacroiliac pain',
  },
  {
    id: 'coccyx',
    description: 'Tailbone pain (coccygodynia)',
    zones: [z('coccyx')],
    expected: ['pelvic_floor', 'gluteus_maximus'],
    source: 'TS2 pain guide, coccygeal pain; ch. 6',
  },

  // Hip and thigh
  {
    id: 'buttock',
    description: 'Buttock pain',
    zones: [z('buttock')],
    expected: ['gluteus_medius', 'quadratus_lumborum', 'gluteus_maximus'],
    source: 'TS2 pain guide, buttock pain',
  },
  {
    id: 'gluteus-medius-pattern',
    description: 'Pain along the iliac crest, over the sacroiliac joint and in the buttock',
    zones: [z('low_back'), z('sacrum_si_joint'), z('buttock')],
    expected: ['gluteus_medius', 'quadratus_lumborum'],
    source: 'TS2 ch. 8',
  },
  {
    id: 'piriformis-pattern',
    description: 'Sacroiliac, buttock and posterior thigh pain',
    zones: [z('sacrum_si_joint'), z('buttock'), z('posterior_thigh')],
    expected: ['piriformis', 'gluteus_minimus'],
    source: 'TS2 ch. 10',
  },
  {
    id: 'pseudo-sciatica-posterior',
    description: 'Buttock pain down the back of the thigh into the calf',
    zones: [z('buttock'), z('posterior_thigh'), z('calf')],
    expected: ['gluteus_minimus', 'piriformis'],
    source: 'TS2 ch. 9 (posterior gluteus minimus)',
  },
  {
    id: 'pseudo-sciatica-lateral-right',
    description: 'Right outer hip pain down the outer thigh and outer leg',
    zones: [r('lateral_hip'), r('lateral_thigh'), r('lateral_leg')],
    expected: ['gluteus_minimus'],
    side: 'right',
    source: 'TS2 ch. 9 (anterior gluteus minimus)',
  },
  {
    id: 'groin',
    description: 'Groin pain',
    zones: [z('groin')],
    expected: ['iliopsoas', 'adductor_longus', 'pectineus'],
    source: 'TS2 pain guide, groin pain',
  },
  {
    id: 'front-of-thigh',
    description: 'Pain at the front of the thigh',
    zones: [z('anterior_thigh')],
    expected: ['adductor_longus', 'iliopsoas', 'adductor_magnus'],
    source: 'TS2 pain guide, front-of-thigh pain',
  },
  {
    id: 'lateral-thigh',
    description: 'Pain along the outer thigh',
    zones: [z('lateral_thigh')],
    expected: ['vastus_lateralis', 'gluteus_minimus', 'tensor_fasciae_latae'],
    source: 'TS2 pain guide, lateral thigh pain',
  },
  {
    id: 'medial-thigh',
    description: 'Pain along the inner thigh',
    zones: [z('medial_thigh')],
    expected: ['pectineus', 'vastus_medialis', 'gracilis'],
    source: 'TS2 pain guide, medial thigh pain',
  },
  {
    id: 'back-of-thigh',
    description: 'Pain at the back of the thigh',
    zones: [z('posterior_thigh')],
    expected: ['gluteus_minimus', 'medial_hamstrings', 'biceps_femoris'],
    source: 'TS2 pain guide, back-of-thigh pain',
  },

  // Knee, leg and foot
  {
    id: 'front-of-knee',
    description: 'Pain at the front of the knee',
    zones: [z('anterior_knee')],
    expected: ['rectus_femoris', 'vastus_medialis', 'adductor_longus'],
    source: 'TS2 pain guide, front-of-knee pain',
  },
  {
    id: 'rectus-femoris-pattern',
    description: 'Deep knee-cap pain with pain at the front of the thigh',
    zones: [z('anterior_knee'), z('anterior_thigh')],
    expected: ['rectus_femoris'],
    source: 'TS2 ch. 14',
  },
  {
    id: 'medial-knee',
    description: 'Pain at the inner knee',
    zones: [z('medial_knee')],
    expected: ['vastus_medialis', 'gracilis', 'sartorius'],
    source: 'TS2 pain guide, medial knee pain',
  },
  {
    id: 'lateral-knee',
    description: 'Pain at the outer knee',
    zones: [z('lateral_knee')],
    expected: ['vastus_lateralis'],
    source: 'TS2 pain guide, lateral knee pain',
  },
  {
    id: 'back-of-knee',
    description: 'Pain at the back of the knee',
    zones: [z('posterior_knee')],
    expected: ['gastrocnemius', 'biceps_femoris', 'popliteus'],
    source: 'TS2 pain guide, back-of-knee pain',
  },
  {
    id: 'shin',
    description: 'Pain at the front of the lower leg',
    zones: [z('anterior_shin')],
    expected: ['tibialis_anterior', 'adductor_longus'],
    source: 'TS2 pain guide, front-of-leg pain',
  },
  {
    id: 'lateral-leg',
    description: 'Pain along the outer lower leg',
    zones: [z('lateral_leg')],
    expected: ['gluteus_minimus', 'fibularis_longus', 'gastrocnemius'],
    source: 'TS2 pain guide, lateral leg pain',
  },
  { id: 'calf', description: 'Calf pain', zones: [z('calf')], expected: ['soleus', 'gluteus_minimus', 'gastrocnemius'], source: 'TS2 pain guide, calf pain' },
  {
    id: 'heel',
    description: 'Heel pain',
    zones: [z('heel')],
    expected: ['soleus', 'quadratus_plantae', 'abductor_hallucis'],
    source: 'TS2 pain guide, heel pain',
  },
  { id: 'soleus-pattern', description: 'Heel pain with calf pain', zones: [z('heel'), z('calf')], expected: ['soleus'], source: 'TS2 ch. 22' },
  {
    id: 'plantar-foot',
    description: 'Pain in the sole of the foot',
    zones: [z('plantar_foot')],
    expected: ['gastrocnemius', 'flexor_digitorum_longus', 'adductor_hallucis'],
    source: 'TS2 pain guide, plantar midfoot pain',
  },
  {
    id: 'gastrocnemius-pattern',
    description: 'Instep (sole) pain with calf and back-of-knee pain',
    zones: [z('plantar_foot'), z('calf'), z('posterior_knee')],
    expected: ['gastrocnemius'],
    source: 'TS2 ch. 21',
  },
  {
    id: 'dorsal-foot',
    description: 'Pain on the top of the foot and front of the ankle',
    zones: [z('dorsal_foot')],
    expected: ['extensor_digitorum_brevis', 'extensor_digitorum_longus', 'tibialis_anterior'],
    source: 'TS2 pain guide, dorsal foot and anterior ankle pain',
  },
  {
    id: 'tibialis-anterior-pattern',
    description: 'Front of ankle pain reaching the big toe, with shin ache',
    zones: [z('anterior_shin'), z('dorsal_foot'), z('toes')],
    expected: ['tibialis_anterior'],
    source: 'TS2 ch. 19',
  },
  {
    id: 'lateral-ankle',
    description: 'Pain around the outer ankle',
    zones: [z('lateral_ankle')],
    expected: ['fibularis_longus', 'fibularis_brevis', 'fibularis_tertius'],
    source: 'TS2 pain guide, lateral ankle pain; ch. 20',
  },
  {
    id: 'medial-ankle',
    description: 'Pain around the inner ankle',
    zones: [z('medial_ankle')],
    expected: ['abductor_hallucis', 'flexor_digitorum_longus'],
    source: 'TS2 pain guide, medial ankle pain',
  },
  {
    id: 'toe-pain',
    description: 'Pain in the toes',
    zones: [z('toes')],
    expected: ['extensor_digitorum_longus', 'flexor_digitorum_longus', 'extensor_hallucis_longus'],
    source: 'TS2 pain guide, lesser and great toe pain',
  },
];
