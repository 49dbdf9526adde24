import argon2 from 'argon2';
import type { Database } from './database.ts';

/** Password for every demo staff account; printed in the README and on the sign-in page. */
export const DEMO_PASSWORD = 'myomap-demo';

export const DEMO_STAFF = [
  { id: 'user-admin', email: 'admin@demo.myomap.app', name: 'Huda Al Mansoori', role: 'admin', practitionerId: null },
  { id: 'user-reception', email: 'reception@demo.myomap.app', name: 'Rania Haddad', role: 'reception', practitionerId: null },
  { id: 'user-amira', email: 'amira@demo.myomap.app', name: 'Amira Saleh', role: 'therapist', practitionerId: 'prac-amira' },
  { id: 'user-omar', email: 'omar@demo.myomap.app', name: 'Omar Khalil', role: 'therapist', practitionerId: 'prac-omar' },
  { id: 'user-sara', email: 'sara@demo.myomap.app', name: 'Sara Nasser', role: 'therapist', practitionerId: 'prac-sara' },
  { id: 'user-physician', email: 'dr.yousef@demo.myomap.app', name: 'Dr. Yousef Rahman', role: 'physician', practitionerId: 'prac-yousef' },
] as const;

const PRACTITIONERS = [
  ['prac-amira', 'Amira Saleh', 'أميرة صالح', 'Neuromuscular therapist', 'معالجة عصبية عضلية', 'therapist', '#2f6f6a'],
  ['prac-omar', 'Omar Khalil', 'عمر خليل', 'Neuromuscular therapist', 'معالج عصبي عضلي', 'therapist', '#8a5a2b'],
  ['prac-sara', 'Sara Nasser', 'سارة ناصر', 'Neuromuscular therapist', 'معالجة عصبية عضلية', 'therapist', '#6b4c9a'],
  ['prac-yousef', 'Dr. Yousef Rahman', 'د. يوسف رحمن', 'Supervising physician', 'الطبيب المشرف', 'physician', '#1f4e79'],
] as const;

const PROFILES: readonly (readonly [string, string, string, string[]])[] = [
  ['prac-amira', 'BSc Physiotherapy; certified neuromuscular therapist', 'بكالوريوس العلاج الطبيعي؛ معالجة عصبية عضلية معتمدة', ['ar', 'en']],
  ['prac-omar', 'BSc Sports Science; certified neuromuscular therapist', 'بكالوريوس علوم الرياضة؛ معالج عصبي عضلي معتمد', ['ar', 'en']],
  ['prac-sara', 'BSc Physiotherapy; certified neuromuscular therapist', 'بكالوريوس العلاج الطبيعي؛ معالجة عصبية عضلية معتمدة', ['en', 'ar', 'fr']],
  ['prac-yousef', 'MBBS; specialist in physical medicine and rehabilitation', 'بكالوريوس الطب والجراحة؛ أخصائي الطب الطبيعي وإعادة التأهيل', ['ar', 'en']],
];

const SERVICES = [
  [
    'svc-nmt-initial',
    'NMT initial assessment and treatment',
    'تقييم وعلاج عصبي عضلي أولي',
    'A full assessment (pain map, trigger points, nerve signs, posture, gait) and a first treatment.',
    'تقييم شامل (خريطة الألم، نقاط الزناد، علامات الأعصاب، القوام، المشي) مع جلسة علاج أولى.',
    75,
    'therapist',
    true,
    450,
    1,
  ],
  [
    'svc-nmt-follow-60',
    'NMT follow-up, 60 minutes',
    'جلسة متابعة عصبية عضلية، 60 دقيقة',
    'Treatment following your plan, with a short re-check of your progress.',
    'علاج وفق خطتك مع مراجعة قصيرة لتقدمك.',
    60,
    'therapist',
    true,
    350,
    2,
  ],
  [
    'svc-nmt-follow-45',
    'NMT follow-up, 45 minutes',
    'جلسة متابعة عصبية عضلية، 45 دقيقة',
    'A shorter follow-up for one region.',
    'جلسة متابعة أقصر لمنطقة واحدة.',
    45,
    'therapist',
    true,
    280,
    3,
  ],
  [
    'svc-physician-review',
    'Physician review, 30 minutes',
    'مراجعة طبية، 30 دقيقة',
    'A doctor reviews red flags, precautions or a referral before or during treatment.',
    'يراجع الطبيب العلامات التحذيرية أو الاحتياطات أو الإحالة قبل العلاج أو أثناءه.',
    30,
    'physician',
    false,
    300,
    4,
  ],
] as const;

/**
 * The demo clinic: the medical center in Sharjah that the seed article describes, with
 * fictional staff. Idempotent: does nothing when a clinic row exists.
 * `staff: false` (always under NODE_ENV=production) seeds the clinic without its demo
 * accounts, whose password is public; the first admin then comes from the setup link.
 */
export async function seedDemoClinic(db: Database, options: { staff?: boolean } = {}): Promise<boolean> {
  const withStaff = options.staff ?? true;
  return db.transaction(async (tx) => {
    const existing = await tx.query('select 1 from clinic');
    if (existing.length > 0) return false;
    // Hashed only when the demo is seeded: argon2 costs a later start time and memory for nothing.
    const passwordHash = withStaff ? await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id }) : '';
    await tx.query(
      `insert into clinic (name_en, name_ar, address_en, address_ar, phone, email, time_zone)
       values ($1, $2, $3, $4, $5, $6, 'Asia/Dubai')`,
      [
        'Dr. Amal Al Qedrah Medical Center',
        'مركز الدكتورة أمل القدرة الطبي',
        'Sharjah, United Arab Emirates',
        'الشارقة، الإمارات العربية المتحدة',
        '+971 6 000 0000',
        'clinic@demo.myomap.app',
      ],
    );
    for (const [id, nameEn, nameAr, titleEn, titleAr, kind, color] of PRACTITIONERS) {
      await tx.query(`insert into practitioners (id, name_en, name_ar, title_en, title_ar, kind, color) values ($1,$2,$3,$4,$5,$6,$7)`, [
        id,
        nameEn,
        nameAr,
        titleEn,
        titleAr,
        kind,
        color,
      ]);
    }
    // The public team page's profiles (fictional demo staff): qualifications and languages spoken.
    for (const [id, qualEn, qualAr, languages] of PROFILES) {
      await tx.query('update practitioners set qualifications_en = $2, qualifications_ar = $3, languages = $4 where id = $1', [id, qualEn, qualAr, languages]);
    }
    for (const [id, nameEn, nameAr] of [
      ['room-1', 'Treatment room 1', 'غرفة العلاج 1'],
      ['room-2', 'Treatment room 2', 'غرفة العلاج 2'],
      ['room-3', 'Treatment room 3', 'غرفة العلاج 3'],
    ]) {
      await tx.query('insert into rooms (id, name_en, name_ar) values ($1, $2, $3)', [id, nameEn, nameAr]);
    }
    for (const [id, nameEn, nameAr, descEn, descAr, minutes, kind, room, price, order] of SERVICES) {
      await tx.query(
        `insert into services (id, name_en, name_ar, description_en, description_ar, duration_minutes,
           buffer_after_minutes, practitioner_kind, requires_room, price_aed, sort_order)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
        // 15 minutes to clean and turn the treatment room round after every NMT visit.
        [id, nameEn, nameAr, descEn, descAr, minutes, room ? 15 : 5, kind, room, price, order],
      );
    }
    await tx.query(
      `insert into practitioner_services (practitioner_id, service_id)
       select p.id, s.id from practitioners p join services s on s.practitioner_kind = p.kind`,
    );
    // Weekly hours: Monday–Thursday 09:00–19:00, Friday 09:00–19:00 with the Jumu'ah break,
    // Saturday 10:00–16:00; Sunday closed. Lunch 13:00–14:00 on full days.
    for (const [id] of PRACTITIONERS) {
      for (const weekday of [1, 2, 3, 4, 5]) {
        await tx.query(`insert into working_hours (practitioner_id, weekday, start_time, end_time) values ($1,$2,'09:00','19:00')`, [id, weekday]);
      }
      await tx.query(`insert into working_hours (practitioner_id, weekday, start_time, end_time) values ($1, 6, '10:00', '16:00')`, [id]);
      for (const weekday of [1, 2, 3, 4]) {
        await tx.query(`insert into breaks (practitioner_id, weekday, start_time, end_time, label) values ($1,$2,'13:00','14:00','Lunch')`, [id, weekday]);
      }
      await tx.query(`insert into breaks (practitioner_id, weekday, start_time, end_time, label) values ($1, 5, '12:00', '14:30', 'Friday prayer')`, [id]);
    }
    // The UAE's 2026 National Day holiday, clinic-wide.
    await tx.query(
      `insert into schedule_exceptions (practitioner_id, kind, date_from, date_to, note) values (null, 'closed', '2026-12-02', '2026-12-03', 'National Day')`,
    );
    // Demo accounts sign in with the public password alone (two_factor_exempt): the demo and
    // its browser tests must work without an authenticator. Production never creates them.
    for (const staff of withStaff ? DEMO_STAFF : []) {
      await tx.query(`insert into staff_users (id, email, name, password_hash, role, practitioner_id, two_factor_exempt) values ($1,$2,$3,$4,$5,$6,true)`, [
        staff.id,
        staff.email,
        staff.name,
        passwordHash,
        staff.role,
        staff.practitionerId,
      ]);
    }
    return true;
  });
}
