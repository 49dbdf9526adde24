import { describe, expect, it } from 'vitest';
import { findForbiddenClaims, normaliseForClaims } from './find-forbidden-claims.ts';

const ids = (text: string): string[] => findForbiddenClaims(text).map((finding) => finding.claimId);

describe('findForbiddenClaims: English', () => {
  it.each([
    ['NMT cures chronic back pain.', 'cure'],
    ['Many patients are cured after three visits.', 'cure'],
    ['It is the most effective massage there is.', 'most_effective'],
    ['Pressure releases lactic acid from the muscle.', 'lactic_acid'],
    ['Our success rate is 90%.', 'success_rate'],
    ['Results are guaranteed.', 'guarantee'],
    ['A relaxing detox for body and mind.', 'detox'],
    ['Drink water to help the detoxification.', 'detox'],
  ])('finds the claim in %j', (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  it('allows a claim that the sentence denies', () => {
    expect(ids('NMT does not cure muscular dystrophy.')).toEqual([]);
    expect(ids('Massage cannot cure these diseases.')).toEqual([]);
    expect(ids("We don't guarantee a result.")).toEqual([]);
    expect(ids('There is no good evidence that massage can cure or slow them.')).toEqual([]);
  });

  it('does not let a negation in one sentence or list item excuse a claim in the next', () => {
    expect(ids('NMT is not a spa treatment. It cures back pain.')).toEqual(['cure']);
    expect(ids('- Not painful\n- Cures headaches')).toEqual(['cure']);
    expect(ids('No waiting list: results guaranteed')).toEqual(['guarantee']);
  });

  it('does not let a negation far before the claim excuse it', () => {
    expect(ids('Do not wait until the pain is bad, because this therapy quickly and gently cures it.')).toEqual(['cure']);
  });

  it('matches whole words only', () => {
    expect(ids('Keep your secure login safe; a manicure is not therapy.')).toEqual([]);
  });
});

describe('findForbiddenClaims: Arabic', () => {
  it.each([
    ['هذا العلاج يشفي آلام الظهر.', 'cure_ar'],
    ['جلسات تشفيك من الصداع.', 'cure_ar'],
    ['نقدم علاجًا نهائيًا للألم.', 'final_cure_ar'],
    ['العلاج النهائي لآلام الرقبة.', 'final_cure_ar'],
    ['إنه العلاج الأكثر فعالية للتوتر.', 'most_effective_ar'],
    ['يخلّص العضلة من حمض اللاكتيك.', 'lactic_acid_ar'],
    ['نسبة نجاح العلاج عالية.', 'success_rate_ar'],
    ['النتائج مضمونة.', 'guarantee_ar'],
    ['جلسة لإزالة السموم من الجسم.', 'detox_ar'],
    ['شفاء تام خلال أسبوع.', 'complete_cure_ar'],
  ])('finds the claim in %j', (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  it('quotes the sentence as written', () => {
    expect(findForbiddenClaims('مقدمة. العلاجُ الأكْثَرُ فَعَالِيَّة للظهر!')[0]?.sentence).toBe('العلاجُ الأكْثَرُ فَعَالِيَّة للظهر');
  });

  it('reads through diacritics, hamza forms and tatweel', () => {
    expect(ids('العلاجُ الأكْثَرُ فَعَالِيَّة')).toEqual(['most_effective_ar']);
    expect(ids('النتائج مضمـــونة')).toEqual(['guarantee_ar']);
    expect(normaliseForClaims('أكثرُ فعاليّةً')).toBe('اكثر فعاليه');
  });

  it('allows a claim that the sentence denies, with the negation joined to و or ف', () => {
    expect(ids('العلاج العصبي العضلي لا يشفي الحثل العضلي.')).toEqual([]);
    expect(ids('ولا يشفي التدليك هذه الأمراض.')).toEqual([]);
    expect(ids('ليس هناك علاج نهائي لهذه الحالات بالتدليك.')).toEqual([]);
    expect(ids('لا توجد أدلة على إزالة السموم بالتدليك.')).toEqual([]);
  });

  it('does not let a negation in the previous sentence excuse a claim', () => {
    expect(ids('لا تقلق؛ هذا العلاج يشفي الألم.')).toEqual(['cure_ar']);
    expect(ids('لا تنتظر. النتائج مضمونة.')).toEqual(['guarantee_ar']);
  });

  it('does not flag ordinary words that contain the letters', () => {
    expect(ids('راجع المستشفى، وتتضمن الخطة تمارين، ولديك ضمان صحي.')).toEqual([]);
  });
});
