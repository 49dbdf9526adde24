/**
 * Whether a patient's aftercare check-in answer may signal an adverse event, so that the
 * therapist is alerted for a same-day follow-up: any unexpected sign they ticked (calf swelling,
 * dark urine, new weakness…), or soreness of 8/10 or more a day after the session, which is
 * beyond the usual post-treatment discomfort (clinical-reference §6).
 */
export const ADVERSE_SORENESS = 8;

export function isAdverseCheckin(answer: { soreness: number; unexpected: readonly string[] }): boolean {
  return answer.unexpected.length > 0 || answer.soreness >= ADVERSE_SORENESS;
}
