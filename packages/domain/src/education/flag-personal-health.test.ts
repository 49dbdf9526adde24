import { describe, expect, it } from 'vitest';
import { flagPersonalHealth } from './flag-personal-health.ts';

describe('flagPersonalHealth', () => {
  it('lets a general question through', () => {
    expect(flagPersonalHealth('How long does soreness usually last after a session?')).toEqual([]);
    expect(flagPersonalHealth('ما الفرق بين العلاج العصبي العضلي والتدليك؟')).toEqual([]);
    expect(flagPersonalHealth('Is referred pain the same as nerve pain?')).toEqual([]);
  });

  it('flags ages, medicines, own symptoms and phone numbers in English', () => {
    expect(flagPersonalHealth("I'm 52 and wonder whether this helps")).toEqual(['age']);
    expect(flagPersonalHealth('My son is 12 and has leg cramps, can he come?')).toEqual(['age', 'own_symptom']);
    expect(flagPersonalHealth('Is the first session 60 minutes long?')).toEqual([]);
    expect(flagPersonalHealth('I take 400 mg ibuprofen every day, is that a problem?')).toEqual(['medication']);
    expect(flagPersonalHealth('I have pain in my neck when I wake up')).toEqual(['own_symptom']);
    expect(flagPersonalHealth('Call me on 050 123 4567')).toEqual(['phone']);
  });

  it('flags the same in Arabic, with Arabic-Indic digits too', () => {
    expect(flagPersonalHealth('عمري ٤٥ هل يناسبني العلاج؟')).toEqual(['age']);
    expect(flagPersonalHealth('أتناول دواء للضغط هل هذا مشكلة؟')).toEqual(['medication']);
    expect(flagPersonalHealth('عندي ألم في الكتف منذ شهر')).toEqual(['own_symptom']);
    expect(flagPersonalHealth('رقمي ٠٥٠١٢٣٤٥٦٧')).toEqual(['phone']);
  });

  it('needs a symptom beside the first person: "my question" alone is no health detail', () => {
    expect(flagPersonalHealth('My question is about what to wear')).toEqual([]);
  });
});
