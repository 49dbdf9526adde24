/**
 * The demo clinic's patients: invented people, none of them real. Each email is at example.com
 * (reserved for examples by RFC 2606, so no message can reach anyone) and each phone number is in
 * the +971 50 000 range the intake examples use, so the fiction is plain on the record itself.
 * Names are written as the patient would write them: Latin script for English speakers, Arabic
 * script for Arabic speakers, as a Sharjah clinic's list would look.
 */
export interface DemoPerson {
  name: string;
  /** The part before @example.com. */
  emailLocal: string;
  sex: 'female' | 'male';
  language: 'en' | 'ar';
}

export const DEMO_EMAIL_DOMAIN = 'example.com';

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { name: 'Layla Haddad', emailLocal: 'layla.haddad', sex: 'female', language: 'en' },
  { name: 'مريم الكعبي', emailLocal: 'mariam.alkaabi', sex: 'female', language: 'ar' },
  { name: 'James Whitfield', emailLocal: 'james.whitfield', sex: 'male', language: 'en' },
  { name: 'خالد المهيري', emailLocal: 'khalid.almheiri', sex: 'male', language: 'ar' },
  { name: 'Priya Raman', emailLocal: 'priya.raman', sex: 'female', language: 'en' },
  { name: 'فاطمة الشامسي', emailLocal: 'fatima.alshamsi', sex: 'female', language: 'ar' },
  { name: 'Daniel Okafor', emailLocal: 'daniel.okafor', sex: 'male', language: 'en' },
  { name: 'نورة السويدي', emailLocal: 'noura.alsuwaidi', sex: 'female', language: 'ar' },
  { name: 'Hannah Becker', emailLocal: 'hannah.becker', sex: 'female', language: 'en' },
  { name: 'يوسف النعيمي', emailLocal: 'yousef.alnuaimi', sex: 'male', language: 'ar' },
  { name: 'Omar Farouk', emailLocal: 'omar.farouk', sex: 'male', language: 'en' },
  { name: 'عائشة الزعابي', emailLocal: 'aisha.alzaabi', sex: 'female', language: 'ar' },
  { name: 'Sofia Marquez', emailLocal: 'sofia.marquez', sex: 'female', language: 'en' },
  { name: 'سعيد الظاهري', emailLocal: 'saeed.aldhaheri', sex: 'male', language: 'ar' },
  { name: 'Rahul Menon', emailLocal: 'rahul.menon', sex: 'male', language: 'en' },
  { name: 'هند القاسمي', emailLocal: 'hind.alqasimi', sex: 'female', language: 'ar' },
  { name: 'Grace Thompson', emailLocal: 'grace.thompson', sex: 'female', language: 'en' },
  { name: 'عبدالله الحمادي', emailLocal: 'abdullah.alhammadi', sex: 'male', language: 'ar' },
  { name: 'Nadia Karimi', emailLocal: 'nadia.karimi', sex: 'female', language: 'en' },
  { name: 'ريم البلوشي', emailLocal: 'reem.albalushi', sex: 'female', language: 'ar' },
  { name: 'Michael Brennan', emailLocal: 'michael.brennan', sex: 'male', language: 'en' },
  { name: 'حمدان المنصوري', emailLocal: 'hamdan.almansoori', sex: 'male', language: 'ar' },
  { name: 'Chloe Dubois', emailLocal: 'chloe.dubois', sex: 'female', language: 'en' },
  { name: 'سلمى العامري', emailLocal: 'salma.alameri', sex: 'female', language: 'ar' },
  { name: 'Tariq Siddiqui', emailLocal: 'tariq.siddiqui', sex: 'male', language: 'en' },
  { name: 'منى الرميثي', emailLocal: 'mona.alromaithi', sex: 'female', language: 'ar' },
  { name: 'Emily Carter', emailLocal: 'emily.carter', sex: 'female', language: 'en' },
  { name: 'راشد الكتبي', emailLocal: 'rashid.alketbi', sex: 'male', language: 'ar' },
  { name: 'Ana Petrovic', emailLocal: 'ana.petrovic', sex: 'female', language: 'en' },
  { name: 'لطيفة المزروعي', emailLocal: 'latifa.almazrouei', sex: 'female', language: 'ar' },
  { name: 'Samuel Mensah', emailLocal: 'samuel.mensah', sex: 'male', language: 'en' },
  { name: 'ماجد الفلاسي', emailLocal: 'majid.alfalasi', sex: 'male', language: 'ar' },
  { name: 'Isabel Fernandes', emailLocal: 'isabel.fernandes', sex: 'female', language: 'en' },
  { name: 'شيخة النقبي', emailLocal: 'shaikha.alnaqbi', sex: 'female', language: 'ar' },
  { name: 'Victor Lindqvist', emailLocal: 'victor.lindqvist', sex: 'male', language: 'en' },
  { name: 'أحمد الجابري', emailLocal: 'ahmed.aljaberi', sex: 'male', language: 'ar' },
  { name: 'Zara Ahmed', emailLocal: 'zara.ahmed', sex: 'female', language: 'en' },
  { name: 'روضة الشحي', emailLocal: 'rawda.alshehhi', sex: 'female', language: 'ar' },
  { name: 'Lucas Moreau', emailLocal: 'lucas.moreau', sex: 'male', language: 'en' },
  { name: 'حصة الدرمكي', emailLocal: 'hessa.aldarmaki', sex: 'female', language: 'ar' },
  { name: 'Arjun Pillai', emailLocal: 'arjun.pillai', sex: 'male', language: 'en' },
  { name: 'ميثاء الطنيجي', emailLocal: 'maitha.altunaiji', sex: 'female', language: 'ar' },
  { name: 'Olivia Grant', emailLocal: 'olivia.grant', sex: 'female', language: 'en' },
  { name: 'سلطان الهاملي', emailLocal: 'sultan.alhameli', sex: 'male', language: 'ar' },
];
