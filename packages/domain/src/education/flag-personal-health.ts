/**
 * Whether a public question looks like it carries personal health details, so that staff move it
 * into a private conversation instead of publishing it (issue 15, "Questions in public"). A
 * heuristic, deliberately eager: a false flag costs a moderator one click ("publish anyway"), a
 * missed one puts someone's health on a public page. Health information about an identifiable
 * person is sensitive data (UAE Federal Law No. 2 of 2019, art. 16; GDPR art. 9).
 *
 * Signals, in English and Arabic:
 * - `age`: an age ("I am 45", "45 years old", "عمري 45", "٤٥ سنة");
 * - `medication`: a medicine or a dose ("I take ibuprofen", "20 mg", "أتناول دواء");
 * - `own_symptom`: first person ("my", "I have", "عندي", "أعاني") near a symptom word;
 * - `phone`: a phone number (seven or more digits, spaces and dashes allowed).
 */
export type PersonalHealthFlag = 'age' | 'medication' | 'own_symptom' | 'phone';

const ARABIC_DIGITS = /[٠-٩]/g;

function normalise(text: string): string {
  return text.replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660)).toLowerCase();
}

const AGE = [
  /\b\d{1,3}\s*(?:years?|yrs?|y\/o|yo)\b/,
  /\b(?:i am|i'm|im|aged?)\s+\d{1,3}\b/,
  // "my son is 12", "she turned 70" (not "the session is 60 minutes")
  /\b(?:is|was|turned|turns)\s+\d{1,3}\b(?!\s*(?:%|percent|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|times?|sessions?|aed|dirhams?))/,
  /(?:عمري|عمرها|عمره|عمر ابني|عمر ابنتي)\s*\d{1,3}/,
  /\d{1,3}\s*(?:سنة|سنوات|عام|عاما|عامًا)/,
];

const MEDICATION = [
  /\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ml|iu|milligrams?)\b/,
  /\b(?:i take|i'm taking|i am taking|i'm on|i am on|prescribed|my medication|my medicine|my pills?|tablets?)\b/,
  /\b(?:ibuprofen|paracetamol|acetaminophen|naproxen|diclofenac|warfarin|apixaban|rivaroxaban|aspirin|insulin|metformin|prednisolone|statins?|antidepressants?|gabapentin|pregabalin|tramadol|codeine|opioids?)\b/,
  /(?:أتناول|اتناول|آخذ|اخذ|دواء|أدوية|ادوية|حبوب|ملغ|مجم|وصف لي)/,
];

const FIRST_PERSON = [
  /\b(?:my|i have|i've had|i've got|i get|i feel|i suffer|i was diagnosed|my (?:son|daughter|mother|father|wife|husband|child))\b/,
  /(?:عندي|لدي|أعاني|اعاني|أشعر|اشعر|أحس|احس|تم تشخيصي|ابني|ابنتي|أمي|امي|أبي|ابي|زوجي|زوجتي)/,
];

const SYMPTOMS = [
  /\b(?:pain|ache|aches|aching|hurts?|sore|numb|numbness|tingling|weak|weakness|headaches?|migraines?|dizzy|dizziness|swelling|swollen|cramps?|spasms?|stiff|stiffness|injury|injured|fracture|surgery|operation|diagnosed|disease|dystrophy|sclerosis|cancer|diabetes|pregnant|pregnancy|bleeding|fever|tumou?r|hernia|sciatica|arthritis)\b/,
  /(?:ألم|الم|أوجاع|وجع|يؤلم|تنميل|خدر|ضعف|صداع|دوخة|دوار|تورم|تشنج|تشنجات|تيبس|إصابة|اصابة|كسر|عملية|جراحة|مرض|ضمور|تصلب|سرطان|سكري|حامل|حمل|نزيف|حمى|حرارة|ورم|فتق|عرق النسا|التهاب)/,
];

// Seven or more digits with optional spaces, dashes, dots, brackets and a leading +: a phone number.
const PHONE = /\+?\d(?:[\s\-.()]*\d){6,}/;

/** The signals found, in a fixed order; empty when the question reads as a general one. */
export function flagPersonalHealth(question: string): PersonalHealthFlag[] {
  const text = normalise(question);
  const flags: PersonalHealthFlag[] = [];
  if (AGE.some((re) => re.test(text))) flags.push('age');
  if (MEDICATION.some((re) => re.test(text))) flags.push('medication');
  if (FIRST_PERSON.some((re) => re.test(text)) && SYMPTOMS.some((re) => re.test(text))) flags.push('own_symptom');
  if (PHONE.test(text)) flags.push('phone');
  return flags;
}
