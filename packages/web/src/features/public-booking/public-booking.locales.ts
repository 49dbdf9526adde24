export const publicBookingText = { en: {}, ar: {} };
