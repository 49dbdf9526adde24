import type { LocalizedText } from '@myomap/contract/common/localized-text.schemas';

/** The English or Arabic name of a catalog row, for the reader's language (English when no Arabic is set). */
export function localName(row: { name: LocalizedText } | undefined, language: string): string {
  if (!row) return '';
  return language === 'ar' ? row.name.ar || row.name.en : row.name.en;
}
