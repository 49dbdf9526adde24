import { useId, useState } from 'react';
import type { PlanData } from '@myomap/domain/treatment/treatment-schemas';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import type { PrecautionAction, PrecautionConflict, PrecautionItem, PrecautionOverride, StoredOverride } from '../api/treatment-api.ts';
import { namesFor, type Knowledge } from '../lib/knowledge.ts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { MutedText } from '../../../components/ui/muted-text.tsx';

/** Minimum override reason, as the server checks it. */
export const MIN_REASON = 10;

function useItemText(kb: Knowledge) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const names = namesFor(kb, language, { left: t('side.left'), right: t('side.right') });
  return (item: PrecautionItem, action?: PrecautionAction['action'] | 'overridden'): string => {
    switch (item.kind) {
      case 'target':
        return t('safety.item.target', { muscle: names.muscle(item.muscleId, item.side) });
      case 'technique':
        return t(action === 'added' ? 'safety.item.techniqueAdded' : 'safety.item.technique', {
          muscle: names.muscle(item.muscleId, item.side),
          technique: names.technique(item.techniqueId),
        });
      case 'pressure':
        return t(action === 'overridden' ? 'safety.item.pressureKept' : 'safety.item.pressure', {
          muscle: names.muscle(item.muscleId, item.side),
          technique: names.technique(item.techniqueId),
          from: item.from,
          to: item.to,
        });
      case 'self_care':
        return t('safety.item.selfCare', { item: names.selfCare(item.selfCareId) });
    }
  };
}

/** What the patient's precautions (and the endangerment sites) removed or capped, and why. */
export function PrecautionActions({
  actions,
  positions,
  kb,
}: {
  actions: readonly PrecautionAction[];
  positions: PlanData['positionsToAvoid'];
  kb: Knowledge;
}) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const text = useItemText(kb);
  const patient = actions.filter((a) => a.ruleId.startsWith('CI_'));
  const general = actions.filter((a) => !a.ruleId.startsWith('CI_'));
  if (actions.length === 0 && (positions ?? []).length === 0) return <MutedText>{t('safety.none')}</MutedText>;
  // One group per rule: its reason once, then what it removed or capped.
  const groups = (items: readonly PrecautionAction[]) => {
    const byRule = new Map<string, PrecautionAction[]>();
    for (const a of items) byRule.set(a.ruleId, [...(byRule.get(a.ruleId) ?? []), a]);
    return [...byRule.values()];
  };
  const list = (items: readonly PrecautionAction[]) => (
    <ul className="tr-safety-groups">
      {groups(items).map((group) => (
        <li key={group[0]?.ruleId} className="tr-safety-group" data-rule={group[0]?.ruleId}>
          <p className="tr-safety-why">{group[0]?.reason[language]}</p>
          <ul className="tr-safety-list">
            {group.map((a, i) => (
              <li key={i} className={`tr-safety-item tr-safety-item--${a.action}`}>
                <span className={`tr-safety-badge tr-safety-badge--${a.action}`}>{t(`safety.action.${a.action}`)}</span>
                <span className="tr-safety-what">{text(a.item, a.action)}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="tr-safety">
      {(positions ?? []).length > 0 && (
        <p className="tr-safety-positions">
          <strong>{t('safety.positions')}</strong> {(positions ?? []).map((p) => p.label[language]).join(language === 'ar' ? '، ' : ', ')}
        </p>
      )}
      {patient.length > 0 && list(patient)}
      {general.length > 0 && (
        <details className="tr-safety-general">
          <summary>{t('safety.generalLimits', { count: general.length })}</summary>
          {list(general)}
        </details>
      )}
    </div>
  );
}

/** Protocol muscles the assessment did not implicate: palpate them, then add them if they are involved. */
export function SuggestedChecks({ checks, kb }: { checks: PlanData['suggestedChecks']; kb: Knowledge }) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const names = namesFor(kb, language, { left: t('side.left'), right: t('side.right') });
  if (!checks || checks.length === 0) return <MutedText>{t('safety.noChecks')}</MutedText>;
  return (
    <ul className="tr-chips">
      {checks.map((c) => (
        <li key={`${c.muscleId}:${c.side ?? ''}`} className="tr-chip tr-chip--check">
          {names.muscle(c.muscleId, c.side)}
        </li>
      ))}
    </ul>
  );
}

/** Every override of a precaution, with the reason, who and when: the co-signing physician reads these. */
export function OverridesList({ overrides, kb, timeZone }: { overrides: readonly StoredOverride[]; kb: Knowledge; timeZone: string }) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const text = useItemText(kb);
  if (overrides.length === 0) return null;
  return (
    <ul className="tr-safety-list" data-testid="precaution-overrides">
      {overrides.map((o) => (
        <li key={o.id} className="tr-safety-item tr-safety-item--override">
          <span className="tr-safety-badge tr-safety-badge--override">{t('safety.action.overridden')}</span>
          <span className="tr-safety-what">{text(o.item, 'overridden')}</span>
          <span className="tr-safety-why" dir="auto">
            “{o.reason}”
          </span>
          <MutedText as="span" size="sm">
            {t('safety.overrideBy', { name: o.by, when: formatInstant(o.at, timeZone, language, 'dateTimeLocalClock') })}
          </MutedText>
        </li>
      ))}
    </ul>
  );
}

/**
 * Asks for a reason for each row that contradicts a precaution. The clinician may instead go back
 * and remove the rows; nothing is saved until every conflict has a reason.
 */
export function OverrideDialog({
  conflicts,
  kb,
  busy,
  onConfirm,
  onClose,
}: {
  conflicts: readonly PrecautionConflict[] | undefined;
  kb: Knowledge;
  busy: boolean;
  onConfirm: (overrides: PrecautionOverride[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(['treatment', 'common']);
  const language = useLanguage();
  const text = useItemText(kb);
  const ids = useId();
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const list = conflicts ?? [];
  const ready = list.length > 0 && list.every((_, i) => (reasons[i] ?? '').trim().length >= MIN_REASON);
  return (
    <ModalDialog open={list.length > 0} title={t('safety.dialogTitle')} closeLabel={t('common:actions.close')} onClose={onClose}>
      <p>{t('safety.dialogIntro')}</p>
      <ol className="tr-safety-conflicts">
        {list.map((c, i) => (
          <li key={i} className="tr-safety-conflict">
            <p className="tr-safety-what">
              <strong>{text(c.item, c.action)}</strong>
            </p>
            <MutedText size="sm">{c.reason[language]}</MutedText>
            <label className="tr-field">
              <span id={`${ids}-${i}`}>{t('safety.reasonLabel')}</span>
              <textarea
                className="tr-input tr-textarea"
                dir="auto"
                aria-labelledby={`${ids}-${i}`}
                minLength={MIN_REASON}
                maxLength={1000}
                value={reasons[i] ?? ''}
                onChange={(e) => setReasons((current) => ({ ...current, [i]: e.target.value }))}
              />
            </label>
          </li>
        ))}
      </ol>
      <MutedText size="sm">{t('safety.reasonHint', { min: MIN_REASON })}</MutedText>
      <div className="tr-button-row">
        <Button variant="secondary" onClick={onClose}>
          {t('safety.goBack')}
        </Button>
        <Button
          busy={busy}
          disabled={!ready}
          onClick={() => onConfirm(list.map((c, i) => ({ ruleId: c.ruleId, item: c.item, reason: (reasons[i] ?? '').trim() })))}
        >
          {t('safety.override')}
        </Button>
      </div>
    </ModalDialog>
  );
}

/** The conflicts of a 409 precaution_conflict, if that is what the error is. */
export function conflictsOf(error: unknown): PrecautionConflict[] | undefined {
  const e = error as { code?: string; details?: { conflicts?: PrecautionConflict[] } } | null;
  return e && e.code === 'precaution_conflict' ? (e.details?.conflicts ?? []) : undefined;
}
