export const staffText = { en: {}, ar: {} };
