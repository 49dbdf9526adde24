/** Words shared by every page (namespace 'common'). */
export const en = {
  appName: 'Myomap',
  language: { switchTo: 'العربية', label: 'Language' },
  nav: { home: 'Home', book: 'Book a visit', staff: 'Staff sign-in', whatIsNmt: 'What is NMT?' },
  error: { generic: 'Something went wrong. Please try again.', network: 'We could not reach the clinic. Check your connection and try again.' },
  loading: 'Loading…',
  /** Buttons every feature shares. */
  actions: { save: 'Save', saving: 'Saving…', cancel: 'Cancel', close: 'Close', add: 'Add', retry: 'Try again', removeItem: 'Remove {{item}}' },
  answers: { yes: 'Yes', no: 'No' },
  /** Beside staff-typed text in the other language than the page's (components/ui/authored-text.tsx). */
  writtenIn: { en: 'Written in English', ar: 'Written in Arabic' },
  unsavedChanges: { leave: 'You have unsaved changes. Leave this page and lose them?' },
  /** Form mistakes shown beside a field (lib/forms). */
  form: {
    required: 'Please fill in this field.',
    tooShort: 'This is too short.',
    tooLong: 'This is too long.',
    invalid: 'Please check this value.',
    email: 'Please enter a valid email address, like name@example.com.',
    phone: 'Please use only digits, spaces and + ( ) -, at least 5 characters.',
  },
  /** The shared patient search (components/patient-picker). */
  patientPicker: {
    label: 'Find a patient',
    placeholder: 'Name, phone, email, date of birth or booking reference',
    recent: 'Recent patients',
    matches: 'Matching patients',
    searching: 'Searching…',
    noRecent: 'No recent patients yet.',
    noMatch: 'No patient matches “{{q}}”.',
    found_one: '{{count}} patient found. Use the arrow keys to choose.',
    found_other: '{{count}} patients found. Use the arrow keys to choose.',
    born: 'Born {{date}}',
    nextVisit: 'Next visit {{when}}',
    noNextVisit: 'No visit booked',
  },
};
