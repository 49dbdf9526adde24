import type { TagTone } from '../../../components/ui/tag.tsx';

/** A likely match (shared contact and name or birth date) asks for care; shared contact alone is a plain fact. */
export const strengthTone: Record<'strong' | 'weak', TagTone> = { strong: 'warning', weak: 'neutral' };
