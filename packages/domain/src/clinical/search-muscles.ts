import { knowledgeBase as bundledKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Muscle } from '../knowledge/knowledge-schemas.ts';

/**
 * Find muscles by id, English or Arabic name, or alias, for the "which muscle" picker.
 * Case-, accent- and Arabic-spelling-insensitive; best matches first: exact, then prefix,
 * then a word starting with the query, then anywhere.
 */
export function searchMuscles(query: string, kb: KnowledgeBase = bundledKnowledgeBase): Muscle[] {
  const needle = normalizeForSearch(query);
  if (needle === '') return [];
  const hits: { muscle: Muscle; rank: number }[] = [];
  for (const muscle of kb.muscles) {
    const haystacks = [muscle.id, muscle.name.en, muscle.name.ar, ...muscle.aliases].map(normalizeForSearch);
    const rank = Math.min(...haystacks.map((text) => matchRank(text, needle)));
    if (rank < NO_MATCH) hits.push({ muscle, rank });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank || (a.muscle.name.en < b.muscle.name.en ? -1 : a.muscle.name.en > b.muscle.name.en ? 1 : 0) || (a.muscle.id < b.muscle.id ? -1 : 1),
  );
  return hits.map((hit) => hit.muscle);
}

const NO_MATCH = 4;

function matchRank(text: string, needle: string): number {
  if (text === needle) return 0;
  if (text.startsWith(needle)) return 1;
  if (text.includes(` ${needle}`)) return 2;
  if (text.includes(needle)) return 3;
  return NO_MATCH;
}

/**
 * "Sterno-cleidomastoid", "sternocleidomastoid_" and "Sternocleidomastoïd" all meet; in Arabic,
 * short vowels, tatweel and the hamza/alef, ya and ta-marbuta spellings people type differently
 * are folded together.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .toLowerCase()
    .replace(/[_\-\s().,/]+/g, ' ')
    .trim();
}
