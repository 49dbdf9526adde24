import type { Problem } from '@myomap/domain/clinical/assessment-schemas';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import type { DerivedProblem } from '@myomap/domain/clinical/derive-problem-list';
import { useState } from 'react';
import { useLabels } from '../lib/clinical-lookup.tsx';
import { mergeDerived, renumber } from '../lib/problem-list.ts';
import { TextField } from './fields.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { Button } from '../../../components/ui/button.tsx';

interface ProblemListEditorProps {
  problems: Problem[];
  derived: DerivedProblem[];
  following: boolean;
  /** manual: the therapist changed the list, so it stops following the findings. */
  onChange: (problems: Problem[], mode: 'manual' | 'follow') => void;
}

export function ProblemListEditor({ problems, derived, following, onChange }: ProblemListEditorProps) {
  const { t } = useTranslation(['clinical', 'common']);
  const language = useLanguage();
  const { zoneLabel } = useLabels();
  const [editing, setEditing] = useState<{ index: number; title: string; notes: string } | undefined>();
  const [newTitle, setNewTitle] = useState('');
  const [newNotes, setNewNotes] = useState('');
  const derivedById = new Map(derived.map((problem) => [problem.id, problem]));
  const manual = (list: Problem[]) => onChange(renumber(list), 'manual');
  const titleOf = (problem: Problem) => (problem.source === 'derived' ? derivedById.get(problem.id)?.label[language] : undefined) ?? problem.title;

  const move = (index: number, by: -1 | 1) => {
    const list = [...problems];
    const [item] = list.splice(index, 1);
    if (!item) return;
    list.splice(index + by, 0, item);
    manual(list);
  };
  const saveEdit = () => {
    if (!editing || !editing.title.trim()) return;
    manual(
      problems.map((problem, i) =>
        i === editing.index
          ? {
              id: problem.id,
              title: editing.title.trim(),
              zones: problem.zones,
              priority: problem.priority,
              source: 'therapist',
              ...(editing.notes.trim() ? { notes: editing.notes.trim() } : {}),
            }
          : problem,
      ),
    );
    setEditing(undefined);
  };
  const add = () => {
    if (!newTitle.trim()) return;
    const id = `therapist-${problems.length + 1}-${newTitle
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 40)}`;
    manual([
      ...problems,
      { id, title: newTitle.trim(), zones: [], priority: problems.length + 1, source: 'therapist', ...(newNotes.trim() ? { notes: newNotes.trim() } : {}) },
    ]);
    setNewTitle('');
    setNewNotes('');
  };
  const stale = !following && JSON.stringify(mergeDerived(problems, derived)) !== JSON.stringify(renumber(problems));

  return (
    <>
      <MutedText size="sm">{following ? t('problems.following') : t('problems.manual')}</MutedText>
      {stale && (
        <div className="button-row">
          <Button variant="secondary" size="sm" onClick={() => onChange(mergeDerived(problems, derived), 'manual')}>
            {t('problems.update')}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => onChange([], 'follow')}>
            {t('problems.reset')}
          </Button>
        </div>
      )}
      {problems.length === 0 && <MutedText>{t('problems.empty')}</MutedText>}
      <ol className="problems">
        {problems.map((problem, index) => {
          const reason = problem.source === 'derived' ? derivedById.get(problem.id)?.reason[language] : undefined;
          const title = titleOf(problem);
          if (editing?.index === index) {
            return (
              <li key={problem.id} className="problem problem--editing">
                <TextField label={t('problems.title')} value={editing.title} onChange={(value) => setEditing({ ...editing, title: value })} />
                <TextField label={t('fields.notes')} value={editing.notes} multiline onChange={(value) => setEditing({ ...editing, notes: value })} />
                <div className="button-row">
                  <Button size="sm" onClick={saveEdit} disabled={!editing.title.trim()}>
                    {t('actions.done')}
                  </Button>
                  <Button variant="secondary" size="sm" onClick={() => setEditing(undefined)}>
                    {t('common:actions.cancel')}
                  </Button>
                </div>
              </li>
            );
          }
          return (
            <li key={problem.id} className="problem">
              <span className="problem__rank" aria-hidden="true">
                {index + 1}
              </span>
              <div className="problem__body">
                <strong>{title}</strong>
                <span className={`tag${problem.source === 'derived' ? '' : ' tag--primary'}`}>{t(`problems.source.${problem.source}`)}</span>
                {reason && <p className="small">{reason}</p>}
                {problem.notes && <p className="small finding__notes">{problem.notes}</p>}
                {problem.zones.length > 0 && <MutedText size="sm">{problem.zones.map((zone) => zoneLabel(zone.zone, zone.side)).join(' · ')}</MutedText>}
              </div>
              <div className="problem__actions">
                <button
                  type="button"
                  className="icon-button"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={t('problems.moveUp', { item: title })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  disabled={index === problems.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('problems.moveDown', { item: title })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => setEditing({ index, title, notes: problem.notes ?? reason ?? '' })}
                  aria-label={t('actions.editItem', { item: title })}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => manual(problems.filter((_, i) => i !== index))}
                  aria-label={t('common:actions.removeItem', { item: title })}
                >
                  ×
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="form-grid">
        <TextField label={t('problems.newTitle')} value={newTitle} onChange={setNewTitle} />
        <TextField label={t('fields.notes')} value={newNotes} onChange={setNewNotes} />
        <Button size="sm" className="align-end" onClick={add} disabled={!newTitle.trim()}>
          {t('problems.add')}
        </Button>
      </div>
    </>
  );
}
