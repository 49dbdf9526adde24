import regionsFile from '../../../../knowledge-base/regions/regions.json' with { type: 'json' };
import type { Region } from './knowledge-schemas.ts';

/**
 * The body regions' names in both languages (knowledge-base/regions): a file of 3.5 KB the browser may
 * bundle on its own, without the rest of the knowledge base (knowledge-base.ts).
 */
export const regions: readonly Region[] = regionsFile;
