/**
 * Clinical request bodies that many database tests send: a consent signature and a signed-note body.
 * One copy, so a change to the contract's shape is made once.
 */

/** A consent signature as the signature pad sends it: a PNG data URL past the minimum length. */
export const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='.padEnd(120, 'A')}`;

/** A complete SOAP note for a right-shoulder visit: infraspinatus trigger point, ischaemic compression. */
export const SHOULDER_NOTE = {
  subjective: { report: 'Right shoulder ache, worse reaching overhead.', pain: 6, sorenessSinceLast: 2 },
  objective: {
    findings: 'Active TrP right infraspinatus reproducing familiar pain.',
    painMap: [{ zone: 'anterior_shoulder', side: 'right', intensity: 6 }],
    triggerPointsTreated: [{ muscleId: 'infraspinatus', side: 'right', activity: 'active' }],
  },
  assessment: 'Myofascial pain, infraspinatus.',
  plan: 'Weekly for 4 weeks; home stretch.',
  techniques: [{ muscleId: 'infraspinatus', side: 'right', techniqueId: 'ischemic_compression', parameters: { pressure: 6, holdSeconds: 10, repetitions: 3 } }],
  response: 'Pain 6 → 3 after treatment.',
  adverseEvent: null,
};
