/**
 * The fixed clinical vocabulary (shared/domain/vocabulary.md): body-zone and muscle ids used
 * exactly as given in data files, the database, the API and the body chart. Never rename these.
 */

export const VOCABULARY_ZONES = [
  { id: 'vertex', midline: true }, // top of the head; both (midline)
  { id: 'forehead', midline: true }, // forehead; anterior (midline)
  { id: 'temple', midline: false }, // temple; lateral
  { id: 'eyebrow_orbit', midline: false }, // eyebrow and around the eye; anterior
  { id: 'cheek_maxilla', midline: false }, // cheek, over the upper jaw; anterior
  { id: 'jaw_tmj', midline: false }, // jaw angle and joint in front of the ear; lateral
  { id: 'ear', midline: false }, // in and around the ear; lateral
  { id: 'teeth', midline: false }, // upper and lower teeth; anterior
  { id: 'occiput', midline: false }, // back of the head, above the neck; posterior
  { id: 'posterior_neck', midline: false }, // back of the neck; posterior
  { id: 'lateral_neck', midline: false }, // side of the neck; lateral
  { id: 'anterior_neck', midline: false }, // front of the neck, throat; anterior
  { id: 'upper_trapezius_ridge', midline: false }, // top of the shoulder, neck to acromion; posterior
  { id: 'anterior_shoulder', midline: false }, // front of the shoulder; anterior
  { id: 'lateral_shoulder', midline: false }, // outer shoulder, over the middle deltoid; lateral
  { id: 'posterior_shoulder', midline: false }, // back of the shoulder; posterior
  { id: 'scapula_medial_border', midline: false }, // between the shoulder blade and the spine; posterior
  { id: 'scapula_body', midline: false }, // over the shoulder blade; posterior
  { id: 'upper_thoracic_spine', midline: true }, // midline of the upper back; posterior (midline)
  { id: 'chest', midline: false }, // chest, over the pectorals; anterior
  { id: 'sternum', midline: true }, // breastbone; anterior (midline)
  { id: 'anterior_upper_arm', midline: false }, // front of the upper arm; anterior
  { id: 'posterior_upper_arm', midline: false }, // back of the upper arm; posterior
  { id: 'lateral_elbow', midline: false }, // outer elbow, lateral epicondyle; lateral
  { id: 'medial_elbow', midline: false }, // inner elbow, medial epicondyle; medial
  { id: 'dorsal_forearm', midline: false }, // back of the forearm; posterior
  { id: 'volar_forearm', midline: false }, // palm side of the forearm; anterior
  { id: 'dorsal_wrist_hand', midline: false }, // back of the wrist and hand; posterior
  { id: 'palmar_wrist_hand', midline: false }, // palm side of the wrist and hand; anterior
  { id: 'thumb_base', midline: false }, // thumb and its base; anterior
  { id: 'fingers', midline: false }, // fingers; both
  { id: 'mid_back', midline: false }, // mid back, beside the thoracic spine below the scapula; posterior
  { id: 'low_back', midline: false }, // lower back, lumbar region; posterior
  { id: 'upper_abdomen', midline: false }, // upper abdomen; anterior
  { id: 'lower_abdomen', midline: false }, // lower abdomen; anterior
  { id: 'groin', midline: false }, // groin, inguinal fold; anterior
  { id: 'sacrum_si_joint', midline: false }, // sacrum and sacroiliac joint; posterior
  { id: 'coccyx', midline: true }, // tailbone; posterior (midline)
  { id: 'buttock', midline: false }, // buttock; posterior
  { id: 'lateral_hip', midline: false }, // outer hip, over the greater trochanter; lateral
  { id: 'anterior_thigh', midline: false }, // front of the thigh; anterior
  { id: 'medial_thigh', midline: false }, // inner thigh; medial
  { id: 'lateral_thigh', midline: false }, // outer thigh; lateral
  { id: 'posterior_thigh', midline: false }, // back of the thigh; posterior
  { id: 'anterior_knee', midline: false }, // front of the knee, kneecap; anterior
  { id: 'medial_knee', midline: false }, // inner knee; medial
  { id: 'lateral_knee', midline: false }, // outer knee; lateral
  { id: 'posterior_knee', midline: false }, // back of the knee; posterior
  { id: 'anterior_shin', midline: false }, // front of the lower leg; anterior
  { id: 'lateral_leg', midline: false }, // outer lower leg; lateral
  { id: 'calf', midline: false }, // calf; posterior
  { id: 'dorsal_foot', midline: false }, // top of the foot and front of the ankle; anterior
  { id: 'lateral_ankle', midline: false }, // outer ankle; lateral
  { id: 'medial_ankle', midline: false }, // inner ankle; medial
  { id: 'heel', midline: false }, // heel; posterior
  { id: 'plantar_foot', midline: false }, // sole of the foot; plantar
  { id: 'toes', midline: false }, // toes; both
] as const;

export type VocabularyZoneId = (typeof VOCABULARY_ZONES)[number]['id'];

export const VOCABULARY_MUSCLES = [
  'temporalis',
  'masseter',
  'lateral_pterygoid',
  'medial_pterygoid',
  'digastric',
  'occipitofrontalis',
  'orbicularis_oculi',
  'zygomaticus_major',
  'sternocleidomastoid',
  'scalenes',
  'splenius_capitis',
  'splenius_cervicis',
  'suboccipitals',
  'semispinalis_capitis',
  'cervical_multifidi',
  'upper_trapezius',
  'levator_scapulae',
  'middle_trapezius',
  'lower_trapezius',
  'rhomboids',
  'supraspinatus',
  'infraspinatus',
  'teres_minor',
  'teres_major',
  'subscapularis',
  'latissimus_dorsi',
  'deltoid',
  'pectoralis_major',
  'pectoralis_minor',
  'subclavius',
  'serratus_anterior',
  'serratus_posterior_superior',
  'coracobrachialis',
  'biceps_brachii',
  'brachialis',
  'triceps_brachii',
  'anconeus',
  'brachioradialis',
  'extensor_carpi_radialis_longus',
  'extensor_carpi_radialis_brevis',
  'extensor_carpi_ulnaris',
  'extensor_digitorum',
  'extensor_indicis',
  'supinator',
  'pronator_teres',
  'palmaris_longus',
  'flexor_carpi_radialis',
  'flexor_carpi_ulnaris',
  'flexor_digitorum',
  'flexor_pollicis_longus',
  'adductor_pollicis',
  'opponens_pollicis',
  'hand_interossei',
  'abductor_digiti_minimi_hand',
  'iliocostalis_thoracis',
  'iliocostalis_lumborum',
  'longissimus_thoracis',
  'lumbar_multifidi',
  'quadratus_lumborum',
  'serratus_posterior_inferior',
  'rectus_abdominis',
  'abdominal_obliques',
  'diaphragm',
  'intercostals',
  'iliopsoas',
  'gluteus_maximus',
  'gluteus_medius',
  'gluteus_minimus',
  'piriformis',
  'tensor_fasciae_latae',
  'pelvic_floor',
  'rectus_femoris',
  'vastus_medialis',
  'vastus_lateralis',
  'vastus_intermedius',
  'sartorius',
  'pectineus',
  'adductor_longus',
  'adductor_magnus',
  'gracilis',
  'biceps_femoris',
  'medial_hamstrings',
  'gastrocnemius',
  'soleus',
  'plantaris',
  'popliteus',
  'tibialis_anterior',
  'tibialis_posterior',
  'fibularis_longus',
  'fibularis_brevis',
  'fibularis_tertius',
  'extensor_digitorum_longus',
  'extensor_hallucis_longus',
  'flexor_digitorum_longus',
  'flexor_hallucis_longus',
  'extensor_digitorum_brevis',
  'abductor_hallucis',
  'flexor_digitorum_brevis',
  'quadratus_plantae',
  'abductor_digiti_minimi_foot',
  'flexor_hallucis_brevis',
  'adductor_hallucis',
] as const;

export type VocabularyMuscleId = (typeof VOCABULARY_MUSCLES)[number];
