/** The English or Arabic name of a catalog row, for the reader's language. */
export function localName(row: { nameEn: string; nameAr: string } | undefined, language: string): string {
  if (!row) return '';
  return language === 'ar' ? row.nameAr || row.nameEn : row.nameEn;
}
