import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { NoteData } from '@myomap/domain/treatment/treatment-schemas';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { SaveStatus } from '../../../components/ui/save-status.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useUnsavedChangesGuard } from '../../../components/ui/use-unsaved-changes-guard.ts';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { treatmentApi, type NoteView as NoteDto, type PrecautionConflict, type PrecautionOverride } from '../api/treatment-api.ts';
import { conflictsOf, OverrideDialog, OverridesList } from '../components/precaution-panels.tsx';
import { NoteEditor } from '../components/note-editor.tsx';
import { NoteView } from '../components/note-view.tsx';
import type { Knowledge } from '../lib/knowledge.ts';
import { knowledgeQuery, noteQuery } from '../api/treatment-queries.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { isNotFound, useTreatmentErrorText } from '../lib/use-treatment-error-text.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { treatmentAbilities } from '../lib/treatment-abilities.ts';
import { DraftCoSign } from '../components/draft-co-sign.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { pick } from '../lib/format.ts';

export function NotePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['treatment', 'common']);
  const errorText = useErrorText();
  const note = useQuery(noteQuery(id));
  const knowledge = useQuery(knowledgeQuery);
  // A failed refresh keeps the note on screen (and the clinician's edits with it).
  if (note.data && knowledge.data) return <NoteScreen note={note.data} kb={knowledge.data} />;
  if (isNotFound(note.error)) return <Alert tone="error">{t('note.missing')}</Alert>;
  const failed = note.error ?? knowledge.error;
  if (failed) return <Alert tone="error">{errorText(failed)}</Alert>;
  return <LoadingState label={t('common:loading')} />;
}

/** One note action (save, sign, addendum) and what to do with its answer. */
interface NoteAction {
  label: 'save' | 'sign' | 'addendum' | 'override';
  run: () => Promise<NoteDto>;
  success?: string | undefined;
  /** Run again with the clinician's reasons when the server refuses it for precautions. */
  retry?: ((overrides: PrecautionOverride[]) => Promise<NoteDto>) | undefined;
  onDone?: (() => void) | undefined;
}

function NoteScreen({ note, kb }: { note: NoteDto; kb: Knowledge }) {
  const { t } = useTranslation(['treatment', 'common']);
  const language = useLanguage();
  const user = useStaffUser();
  const can = treatmentAbilities(user.role);
  // Author-only drafts: another clinician acts only with an explicit co-sign (audited by the server).
  const mine = note.authorId === user.id;
  const [coSign, setCoSign] = useState(false);
  const mayEdit = can.writeNote && (mine || coSign);
  const ids = useId();
  const [draft, setDraft] = useState<NoteData>(note.data);
  const [dirty, setDirty] = useState(false);
  const [conflicts, setConflicts] = useState<
    { list: PrecautionConflict[]; retry: (overrides: PrecautionOverride[]) => Promise<NoteDto>; success?: string } | undefined
  >();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const [addendum, setAddendum] = useState('');
  const signed = note.status === 'signed';
  const zone = kb.clinic.timeZone;

  useEffect(() => {
    setDraft(note.data);
    setDirty(false);
  }, [note]);

  const queryClient = useQueryClient();
  const treatmentErrorText = useTreatmentErrorText();
  const action = useMutation({
    mutationFn: (noteAction: NoteAction) => noteAction.run(),
    onMutate: () => setMessage(undefined),
    onSuccess: (result, { success, onDone }) => {
      // The server answers with the note as stored: show exactly that.
      queryClient.setQueryData(noteQuery(note.id).queryKey, result);
      setConflicts(undefined);
      if (success) setMessage({ tone: 'success', text: success });
      onDone?.();
    },
    onError: (error, { retry, success }) => {
      const list = conflictsOf(error);
      if (list && retry) setConflicts({ list, retry, ...(success ? { success } : {}) });
      // Signing an empty note: say what it needs rather than "cannot be done".
      else if (error instanceof ApiError && error.code === 'unprocessable') setMessage({ tone: 'error', text: t('note.signNeedsText') });
      else setMessage({ tone: 'error', text: treatmentErrorText(error) });
    },
  });
  const busy = action.isPending ? action.variables.label : undefined;
  const run = (label: NoteAction['label'], run: NoteAction['run'], success?: string, retry?: NoteAction['retry'], onDone?: () => void) =>
    action.mutate({ label, run, success, retry, onDone });

  // Each action takes the overrides: none at first, the clinician's reasons on a precaution retry.
  const saveWith = (overrides: PrecautionOverride[]) => treatmentApi.saveNote(note.id, draft, overrides, coSign);
  const signWith = async (overrides: PrecautionOverride[]) => {
    if (dirty || overrides.length > 0) await saveWith(overrides);
    return treatmentApi.signNote(note.id, coSign);
  };
  const save = () => run('save', () => saveWith([]), t('note.savedDraft'), saveWith);
  const sign = () => {
    setConfirming(false);
    run('sign', () => signWith([]), undefined, signWith);
  };
  const planned = draft.techniques.some((row) => row.done === false);
  const addAddendum = () =>
    run(
      'addendum',
      () => treatmentApi.addAddendum(note.id, addendum.trim()),
      t('note.addendumAdded'),
      undefined,
      () => setAddendum(''),
    );

  useUnsavedChangesGuard(dirty && !signed && mayEdit);

  const precautions = (note.precautions ?? []).map((p) => pick(p, language)).filter(Boolean);

  return (
    <PageFrame
      back={<Link to={`/staff/patients/${note.patientId}`}>{t('plan.back', { name: note.patientName })}</Link>}
      eyebrow={t('note.eyebrow')}
      title={note.patientName}
      status={
        <>
          <Tag tone={signed ? 'success' : 'neutral'} strong data-testid="note-status">
            {signed ? t('note.signed') : t('note.draft')}
          </Tag>
          <MutedText as="span">
            {formatInstant(note.appointment.start, zone, language, 'dateTimeLocalClock')} · {pick(note.appointment.service, language)} · {note.authorName}
          </MutedText>
        </>
      }
      actions={
        <>
          <ButtonLink variant="secondary" to={`/staff/notes/${note.id}/print`}>
            {t('note.print')}
          </ButtonLink>
          <ButtonLink variant="secondary" to={`/staff/notes/${note.id}/print?kind=summary`}>
            {t('note.visitSummary')}
          </ButtonLink>
          {!signed && mayEdit && (
            <>
              <Button variant="secondary" busy={busy === 'save'} disabled={!dirty} onClick={save}>
                {t('note.saveDraft')}
              </Button>
              <Button busy={busy === 'sign'} onClick={() => setConfirming(true)}>
                {t('note.sign')}
              </Button>
            </>
          )}
        </>
      }
    >
      {dirty && !signed && <SaveStatus status="dirty">{t('status.unsaved')}</SaveStatus>}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {precautions.length > 0 && (
        <Alert tone="warning" title={t('plan.precautions')}>
          <ul className="tr-list-plain">
            {precautions.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
      {!signed && can.writeNote && !mine && <DraftCoSign authorName={note.authorName} checked={coSign} onChange={setCoSign} />}
      {planned && !signed && <Alert tone="info">{t('note.prefilled')}</Alert>}
      {note.overrides.length > 0 && (
        <section className="tr-card" aria-labelledby={`${ids}-overrides`}>
          <h2 id={`${ids}-overrides`}>{t('safety.overrides')}</h2>
          <MutedText size="sm" className="tr-card__hint">
            {t('safety.overridesHint')}
          </MutedText>
          <OverridesList overrides={note.overrides} kb={kb} timeZone={zone} />
        </section>
      )}

      {signed ? (
        <>
          <Alert tone="success" title={t('note.lockedTitle')}>
            {t('note.lockedBy', {
              name: note.signedBy ?? note.authorName,
              when: note.signedAt ? formatInstant(note.signedAt, zone, language, 'dateTimeLocalClock') : '',
            })}
          </Alert>
          <div className="tr-card">
            <NoteView data={note.data} kb={kb} />
          </div>
          <section className="tr-card" aria-labelledby={`${ids}-addenda`}>
            <h2 id={`${ids}-addenda`}>{t('note.addenda')}</h2>
            {note.addenda.length === 0 ? (
              <MutedText>{t('note.noAddenda')}</MutedText>
            ) : (
              <ol className="tr-addenda">
                {note.addenda.map((a) => (
                  <li key={a.id} className="tr-addendum">
                    <p className="tr-prewrap" dir="auto">
                      {a.text}
                    </p>
                    <MutedText size="sm">
                      {t('note.addendumBy', { name: a.authorName, when: formatInstant(a.at, zone, language, 'dateTimeLocalClock') })}
                    </MutedText>
                  </li>
                ))}
              </ol>
            )}
            {can.writeNote && (
              <div className="tr-addendum-form">
                <label className="tr-field">
                  <span>{t('note.addAddendum')}</span>
                  <textarea className="tr-input tr-textarea" dir="auto" value={addendum} maxLength={4000} onChange={(e) => setAddendum(e.target.value)} />
                </label>
                <MutedText size="sm">{t('note.addendumHint')}</MutedText>
                <Button busy={busy === 'addendum'} disabled={!addendum.trim()} onClick={addAddendum}>
                  {t('note.addAddendum')}
                </Button>
              </div>
            )}
          </section>
        </>
      ) : mayEdit ? (
        <NoteEditor
          data={draft}
          kb={kb}
          onChange={(data) => {
            setDraft(data);
            setDirty(true);
            setMessage(undefined);
          }}
        />
      ) : (
        <div className="tr-card">
          <NoteView data={note.data} kb={kb} />
        </div>
      )}

      <OverrideDialog
        key={conflicts ? conflicts.list.map((c) => c.ruleId).join() : 'none'}
        conflicts={conflicts?.list}
        kb={kb}
        busy={busy === 'override'}
        onClose={() => setConflicts(undefined)}
        onConfirm={(overrides) => {
          const pending = conflicts;
          if (pending) run('override', () => pending.retry(overrides), pending.success ?? t('note.savedDraft'));
        }}
      />
      <ModalDialog open={confirming} title={t('note.signTitle')} closeLabel={t('common:actions.close')} onClose={() => setConfirming(false)}>
        <p>{t('note.signWarning')}</p>
        <div className="tr-button-row">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={sign}>{t('note.signConfirm')}</Button>
        </div>
      </ModalDialog>
    </PageFrame>
  );
}
