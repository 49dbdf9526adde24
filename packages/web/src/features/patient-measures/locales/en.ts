/** The 'measures' namespace: the patient's outcome questions from a link (issue 11), in English and Arabic. */
export const en = {
  title: 'How are you doing?',
  lead: 'A few short questions help your therapist see how your treatment is working. It takes about two minutes.',
  loading: 'Loading your questions…',
  skip: 'Skip this question',
  skipped: 'Skipped',
  required: 'Choose an answer, or skip this question.',
  progress: '{{answered}} of {{total}} answered',
  send: 'Send my answers',
  scaleLabel: '{{value}} on a scale from {{min}} to {{max}}',
  reRate: 'Rate how well you can do each activity you named at the start, today.',
  activity: 'Activity you named: {{activity}}',
  thanks: { title: 'Thank you', body: 'Your answers are with your therapist. You can close this page.' },
  closed: {
    completed: { title: 'Already answered', body: 'These questions have been answered. Thank you.' },
    expired: { title: 'This link has expired', body: 'Please ask the clinic for a new link, or answer at your next visit.' },
  },
  errors: {
    not_found: 'This link is not valid. Please ask the clinic for a new one.',
    measures_already_answered: 'These questions are already answered. Thank you.',
    validation_failed: 'Some answers could not be saved. Please check them and try again.',
    rate_limited: 'Too many tries. Please wait a minute and try again.',
    network_error: 'No connection. Check your internet and try again.',
    unknown: 'Something went wrong. Please try again, or call the clinic.',
  },
};
