import type { NoteData } from '@myomap/domain/treatment/treatment-schemas';
import { namesFor, type Knowledge } from '../lib/knowledge.ts';
import { useDoseText } from './dose-fields.tsx';
import { groupTechniques } from './note-editor.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { Table } from '../../../components/ui/table.tsx';

const dash = (text: string) => (text.trim() === '' ? '—' : text);

/** A signed (or printed) SOAP note, read-only. */
export function NoteView({ data: written, kb }: { data: NoteData; kb: Knowledge }) {
  // Planned rows the clinician did not mark as done are not a record of work done.
  const data = { ...written, techniques: written.techniques.filter((a) => a.done !== false) };
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const names = namesFor(kb, language, { left: t('side.left'), right: t('side.right') });
  const doseText = useDoseText();
  return (
    <div className="tr-note-view">
      <section className="tr-note-section">
        <h2>{t('note.subjective')}</h2>
        <p className="tr-prewrap" dir="auto">
          {dash(data.subjective.report)}
        </p>
        <p>
          <strong>{t('note.painToday')}:</strong>{' '}
          {data.subjective.pain === null || data.subjective.pain === undefined ? t('note.notMeasured') : `${data.subjective.pain}/10`}
          {data.subjective.sorenessSinceLast !== undefined && data.subjective.sorenessSinceLast !== null && (
            <>
              {' · '}
              <strong>{t('note.soreness')}:</strong> {data.subjective.sorenessSinceLast}/10
            </>
          )}
        </p>
      </section>
      <section className="tr-note-section">
        <h2>{t('note.objective')}</h2>
        <p className="tr-prewrap" dir="auto">
          {dash(data.objective.findings)}
        </p>
        {data.objective.painMap.length > 0 && (
          <p>
            <strong>{t('note.painMap')}:</strong> {data.objective.painMap.map((m) => `${names.zone(m.zone, m.side)} ${m.intensity}/10`).join('; ')}
          </p>
        )}
        {data.objective.triggerPointsTreated.length > 0 && (
          <p>
            <strong>{t('note.tpTreated')}:</strong>{' '}
            {data.objective.triggerPointsTreated.map((tp) => `${names.muscle(tp.muscleId, tp.side)} (${t(`note.activity.${tp.activity}`)})`).join('; ')}
          </p>
        )}
      </section>
      <section className="tr-note-section">
        <h2>{t('note.techniques')}</h2>
        {data.techniques.length === 0 ? (
          <p>—</p>
        ) : (
          <Table compact bare>
            <thead>
              <tr>
                <th scope="col">{t('plan.muscle')}</th>
                <th scope="col">{t('note.technique')}</th>
                <th scope="col">{t('note.parameters')}</th>
              </tr>
            </thead>
            <tbody>
              {groupTechniques(data.techniques).flatMap((group) =>
                group.items.map(({ applied, index }, i) => (
                  <tr key={index}>
                    {i === 0 && (
                      <th scope="row" rowSpan={group.items.length}>
                        {names.muscle(group.muscleId, group.side)}
                      </th>
                    )}
                    <td>{names.technique(applied.techniqueId)}</td>
                    <td>{doseText(kb.techniques.get(applied.techniqueId), applied.parameters)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </Table>
        )}
      </section>
      <section className="tr-note-section">
        <h2>{t('note.assessment')}</h2>
        <p className="tr-prewrap" dir="auto">
          {dash(data.assessment)}
        </p>
      </section>
      <section className="tr-note-section">
        <h2>{t('note.plan')}</h2>
        <p className="tr-prewrap" dir="auto">
          {dash(data.plan)}
        </p>
      </section>
      <section className="tr-note-section">
        <h2>{t('note.response')}</h2>
        <p className="tr-prewrap" dir="auto">
          {dash(data.response)}
        </p>
      </section>
      <section className="tr-note-section">
        <h2>{t('note.adverseEvent')}</h2>
        {data.adverseEvent ? (
          <p className="tr-prewrap" dir="auto">
            <strong>{t(`note.severities.${data.adverseEvent.severity}`)}:</strong> {dash(data.adverseEvent.description)}
          </p>
        ) : (
          <p>{t('note.noAdverseEvent')}</p>
        )}
      </section>
    </div>
  );
}
