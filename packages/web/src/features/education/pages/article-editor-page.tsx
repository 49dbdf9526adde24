import '../education.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '@myomap/domain/access/permissions';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { educationApi, type ArticleLang, type ArticleStep, type ArticleVersionOut } from '../api/education-api.ts';
import { previewQuery, versionQuery, versionsQuery } from '../api/education-queries.ts';
import { WithdrawPanel } from '../components/withdraw-panel.tsx';

const OPEN = ['draft', 'in_review', 'approved'];

/** Waits until typing pauses before asking the server for a preview. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function Editor({ slug, lang, base, open }: { slug: string; lang: ArticleLang; base: ArticleVersionOut; open: boolean }) {
  const { t } = useTranslation(['education', 'common']);
  const errorText = useErrorText();
  const user = useStaffUser();
  const queryClient = useQueryClient();
  const bodyId = useId();
  const [title, setTitle] = useState(base.title);
  const [description, setDescription] = useState(base.meta.description);
  const [body, setBody] = useState(base.body);
  const [notice, setNotice] = useState<string>();
  const preview = useQuery(previewQuery(useSettled(body, 400)));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['education'] });
  const save = useMutation({
    mutationFn: () => educationApi.saveDraft(slug, lang, { title, description, body }),
    onSuccess: async (saved) => {
      setNotice(t('editor.saved', { version: saved.version }));
      await refresh();
    },
  });
  const step = useMutation({
    mutationFn: (s: ArticleStep) => educationApi.step(slug, lang, s),
    onSuccess: async (moved) => {
      setNotice(t('editor.moved', { version: moved.version, status: t(`status.${moved.status}`) }));
      await refresh();
    },
  });
  const error = save.error ?? step.error;
  const status = open ? base.status : undefined;
  return (
    <div className="edu-stack">
      <Alert tone="info">{open ? t('editor.openVersion', { version: base.version, status: t(`status.${base.status}`) }) : t('editor.newVersion')}</Alert>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? <Alert tone="error">{errorText(error)}</Alert> : null}
      <TextField label={t('editor.titleField')} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} dir="auto" />
      <TextField label={t('editor.descriptionField')} value={description} maxLength={160} onChange={(e) => setDescription(e.target.value)} dir="auto" />
      <div className="edu-split">
        <div className="ui-field">
          <label className="ui-field__label" htmlFor={bodyId}>
            {t('editor.bodyField')}
          </label>
          <textarea
            id={bodyId}
            className="ui-field__control edu-markdown"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            dir={lang === 'ar' ? 'rtl' : 'ltr'}
          />
        </div>
        <section className="edu-preview" aria-label={t('editor.preview')} lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
          <h2 className="edu-preview__title">{title}</h2>
          {preview.data ? <div dangerouslySetInnerHTML={{ __html: preview.data.html }} /> : <p>{t('editor.previewEmpty')}</p>}
        </section>
      </div>
      <div className="edu-actions">
        <Button busy={save.isPending} onClick={() => save.mutate()}>
          {t('editor.save')}
        </Button>
        {status === 'draft' && can(user.role, 'article.write') ? (
          <Button variant="secondary" busy={step.isPending} onClick={() => step.mutate('submit')}>
            {t('editor.submit')}
          </Button>
        ) : null}
        {status === 'in_review' && can(user.role, 'article.approve') ? (
          <Button variant="secondary" busy={step.isPending} onClick={() => step.mutate('approve')}>
            {t('editor.approve')}
          </Button>
        ) : null}
        {status === 'approved' && can(user.role, 'article.publish') ? (
          <Button variant="secondary" busy={step.isPending} onClick={() => step.mutate('publish')}>
            {t('editor.publish')}
          </Button>
        ) : null}
      </div>
      {status === 'in_review' && can(user.role, 'article.approve') ? <p className="edu-note">{t('editor.reviewNote')}</p> : null}
    </div>
  );
}

/** One earlier version, read-only, rendered as readers saw it. */
function PastVersion({ slug, lang, version }: { slug: string; lang: ArticleLang; version: number }) {
  const { t } = useTranslation(['education', 'common']);
  const past = useQuery(versionQuery(slug, lang, version));
  const rendered = useQuery({ ...previewQuery(past.data?.body ?? ''), enabled: past.data !== undefined });
  if (!past.data || !rendered.data) return <LoadingState label={t('common:loading')} />;
  return (
    <section className="edu-preview" aria-label={t('editor.pastVersion', { version })} lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      <h3 className="edu-preview__title">{past.data.title}</h3>
      <p>{past.data.meta.description}</p>
      <div dangerouslySetInnerHTML={{ __html: rendered.data.html }} />
    </section>
  );
}

/** /staff/library/:slug/:lang — the Markdown editor with a live preview beside it, the review steps and the version history. */
export function ArticleEditorPage() {
  const { t, i18n } = useTranslation(['education', 'common']);
  const timeZone = useClinicTimeZone();
  // The history's times in the reader's language and the clinic's zone, as the other staff tables show them.
  const when = (instant: string) => formatInstant(instant, timeZone, i18n.language, 'dateTimeCompact');
  const errorText = useErrorText();
  const params = useParams();
  const slug = params.slug ?? '';
  const lang: ArticleLang = params.lang === 'ar' ? 'ar' : 'en';
  const user = useStaffUser();
  const versions = useQuery(versionsQuery(slug, lang));
  const [shown, setShown] = useState<number>();
  const open = versions.data?.find((v) => OPEN.includes(v.status));
  const baseVersion = open ?? versions.data?.find((v) => v.status === 'published') ?? versions.data?.[0];
  const base = useQuery({ ...versionQuery(slug, lang, baseVersion?.version ?? 0), enabled: baseVersion !== undefined });

  useEffect(() => {
    document.title = base.data?.title ?? t('library.title');
  }, [base.data?.title, t]);

  return (
    <PageFrame
      title={base.data?.title ?? t('library.title')}
      eyebrow={t(`library.languages.${lang}`)}
      back={<Link to="/staff/library">{t('editor.back')}</Link>}
    >
      {versions.error ? <Alert tone="error">{errorText(versions.error)}</Alert> : null}
      {!base.data ? (
        <LoadingState label={t('common:loading')} />
      ) : (
        <Editor key={`${base.data.version}-${base.data.status}`} slug={slug} lang={lang} base={base.data} open={open !== undefined} />
      )}
      {versions.data ? (
        <section className="edu-history" aria-labelledby="edu-history">
          <h2 id="edu-history">{t('editor.history')}</h2>
          <Table stackOnPhone caption={t('editor.history')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('editor.historyVersion')}</th>
                <th scope="col">{t('editor.historyStatus')}</th>
                <th scope="col">{t('editor.historyOrigin')}</th>
                <th scope="col">{t('editor.historyBy')}</th>
                <th scope="col">{t('editor.historyApproved')}</th>
                <th scope="col">{t('editor.historyPublished')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.map((v) => (
                <tr key={v.version}>
                  <td data-label={t('editor.historyVersion')}>
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-pressed={shown === v.version}
                      onClick={() => setShown(shown === v.version ? undefined : v.version)}
                    >
                      {t('editor.showVersion', { version: v.version })}
                    </Button>
                  </td>
                  <td data-label={t('editor.historyStatus')}>
                    {t(`status.${v.status}`)}
                    {v.withdrawnAt ? (
                      <MutedText size="sm">{t('editor.withdrawnOn', { date: when(v.withdrawnAt), name: v.withdrawnBy ?? '—' })}</MutedText>
                    ) : null}
                  </td>
                  <td data-label={t('editor.historyOrigin')}>{t(`origin.${v.origin}`)}</td>
                  <td data-label={t('editor.historyBy')}>{v.createdBy ?? '—'}</td>
                  <td data-label={t('editor.historyApproved')}>{v.approvedBy ?? '—'}</td>
                  <td data-label={t('editor.historyPublished')}>{v.publishedAt ? when(v.publishedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          {shown !== undefined ? <PastVersion slug={slug} lang={lang} version={shown} /> : null}
        </section>
      ) : null}
      {versions.data && can(user.role, 'article.withdraw') ? (
        <WithdrawPanel slug={slug} lang={lang} version={versions.data.find((v) => v.status === 'published')?.version} />
      ) : null}
    </PageFrame>
  );
}
