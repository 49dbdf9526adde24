import type { AskQuestionIn, ModerateQuestionIn, QuestionOut } from '@myomap/contract/education/education.schemas';
import { flagPersonalHealth } from '@myomap/domain/education/flag-personal-health';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { enqueue } from '../scheduling/enqueue-appointment-messages.ts';
import { findPublishedVersion } from '../stores/article-store.ts';
import { decideQuestion, findQuestionForUpdate, insertQuestion, listQuestions, type QuestionRow } from '../stores/article-question-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';

/**
 * "Leave a reply" under an article (issue 15). A question is stored as pending and shown to nobody
 * until a moderator publishes it with an answer. The domain's heuristic flags questions that look
 * like personal health details; publishing one of those needs `overrideFlags: true`, otherwise the
 * moderator moves it to a private conversation (an email answer, never published). The asker is
 * emailed through the outbox whenever it is answered.
 */
/** Rate limit of the public question form and API, per address and route: a person asks a few, a bot many. */
export const QUESTION_RATE_LIMIT = { max: 5, timeWindow: '1 hour' } as const;

export async function askQuestion(ctx: AppContext, slug: string, body: AskQuestionIn, actor: Actor): Promise<{ received: true }> {
  // The honeypot: a person never sees the field; a bot that fills it is told "received" and nothing is kept.
  if (body.website) return { received: true };
  const lang = body.lang ?? 'en';
  await ctx.db.transaction(async (tx) => {
    if (!(await findPublishedVersion(tx, slug, lang))) throw new AppError('not_found', 'No such article.');
    const question = body.question.trim();
    const id = await insertQuestion(tx, {
      slug,
      lang,
      name: body.name?.trim() || null,
      email: body.email.trim().toLowerCase(),
      question,
      flags: flagPersonalHealth(question),
      at: ctx.clock.now(),
    });
    // The question itself may hold health details: the audit row names the article only.
    await writeAudit(tx, actor, { action: 'question.ask', entityType: 'article_question', entityId: id, after: { slug, lang } });
  });
  return { received: true };
}

function out(row: QuestionRow): QuestionOut {
  return row;
}

export function listModerationQueue(ctx: AppContext, status: QuestionRow['status'] | undefined, actor: Actor): Promise<QuestionOut[]> {
  return ctx.db.transaction(async (tx) => {
    const rows = await listQuestions(tx, status);
    await writeAudit(tx, actor, { action: 'question.list', entityType: 'article_question', after: { status: status ?? null, count: rows.length } });
    return rows.map(out);
  });
}

const MESSAGE = {
  en: {
    subject: (title: string) => `Your question about “${title}”`,
    published: 'We have answered your question, and the answer is now shown under the article.',
    private: 'Your question included personal details, so we answer you here rather than in public.',
    question: 'Your question:',
    answer: 'Our answer:',
    advice: 'This answer is general information, not a diagnosis. If you have new or worsening symptoms, please see a doctor.',
  },
  ar: {
    subject: (title: string) => `سؤالك عن «${title}»`,
    published: 'أجبنا عن سؤالك، والإجابة منشورة الآن أسفل المقال.',
    private: 'تضمّن سؤالك تفاصيل شخصية، لذا نجيبك هنا وليس علنًا.',
    question: 'سؤالك:',
    answer: 'إجابتنا:',
    advice: 'هذه الإجابة معلومات عامة وليست تشخيصًا. إذا ظهرت لديك أعراض جديدة أو ازدادت سوءًا، يرجى مراجعة الطبيب.',
  },
} as const;

const DECISION = {
  publish: { status: 'published', action: 'question.publish' },
  reject: { status: 'rejected', action: 'question.reject' },
  private: { status: 'private', action: 'question.private' },
} as const;

export function moderateQuestion(ctx: AppContext, id: string, input: ModerateQuestionIn, actor: Actor): Promise<QuestionOut> {
  return ctx.db.transaction(async (tx) => {
    const row = await findQuestionForUpdate(tx, id);
    if (!row) throw new AppError('not_found', 'No such question.');
    if (row.status !== 'pending') throw new AppError('illegal_transition', 'This question has already been moderated.', { status: row.status });
    const answer = input.answer?.trim() ?? null;
    if ((input.decision === 'publish' || input.decision === 'private') && !answer) {
      throw new AppError('validation_failed', 'An answer is needed.', [{ path: '/answer', message: 'required for publish and private' }]);
    }
    if (input.decision === 'publish' && row.flags.length > 0 && input.overrideFlags !== true) {
      throw new AppError(
        'personal_health_details',
        'The question looks like personal health details: move it to a private conversation or publish with overrideFlags.',
        {
          flags: row.flags,
        },
      );
    }
    const at = ctx.clock.now();
    const { status, action } = DECISION[input.decision];
    await decideQuestion(tx, id, { status, answer, answeredBy: actor.id ?? null, override: input.decision === 'publish' && row.flags.length > 0, at });
    if (answer && status !== 'rejected') {
      const text = MESSAGE[row.lang];
      const clinic = await loadClinic(tx);
      const link = `${ctx.config.publicUrl}/learn/${row.slug}${row.lang === 'ar' ? '?lang=ar' : ''}`;
      await enqueue(
        tx,
        {
          dedupeKey: `article_question_answer:${id}`,
          kind: 'article_question_answer',
          recipient: row.email,
          subject: text.subject(row.articleTitle),
          body: [
            status === 'published' ? text.published : text.private,
            ...(status === 'published' ? [link] : []),
            '',
            text.question,
            row.question,
            '',
            text.answer,
            answer,
            '',
            text.advice,
            '',
            '--',
            clinic.name[row.lang],
            clinic.phone,
          ].join('\n'),
          attachments: [],
          sendAfter: at,
        },
        ctx.config.sessionSecret,
      );
    }
    await writeAudit(tx, actor, {
      action,
      entityType: 'article_question',
      entityId: id,
      after: { status, flags: row.flags, override: input.decision === 'publish' && row.flags.length > 0 },
    });
    return out({ ...row, status, answer, publishedAt: status === 'published' ? at.toISOString() : null });
  });
}
