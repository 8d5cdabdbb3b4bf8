/**
 * Closing the loop's last step: asking the customer whether it was resolved. On closing a case the
 * agent may send the workspace's follow-up survey (made on first use: "was this resolved?", CSAT,
 * and how likely they now are to recommend us, 0–10). The answer is linked to the case and decides
 * its recovery. Recovery otherwise follows the customer's next scored answer: a detractor case is
 * recovered when that score is 7 or more (NPS), or 4 or more (CSAT).
 */
import type { SurveyInput } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { SYSTEM_ACTOR } from '../../platform/audit.js';
import { newId } from '../../platform/crypto/tokens.js';
import { createSurvey } from '../surveys/index.js';
import { sendSurveyInvites, type CaseSourceRow } from '../responses/index.js';
import { isNegative } from './case-rules.js';
import { changeCase, type Ctx } from './cases.service.js';
import * as repo from './cases.repo.js';
import * as setup from './setup.repo.js';
import { ensureSettings } from './setup.service.js';

const t = (en: string, hant: string, hans: string) => ({ en, 'zh-Hant': hant, 'zh-Hans': hans });

const FOLLOW_UP: SurveyInput = {
  name: 'Case follow-up',
  definition: {
    languages: ['en', 'zh-Hant', 'zh-Hans'], defaultLanguage: 'en',
    thankYou: t('Thank you for telling us.', '謝謝您的回覆。', '谢谢您的回复。'),
    questions: [
      { id: 'resolved', type: 'single_choice', required: true, title: t('Was your issue resolved?', '您的問題解決了嗎？', '您的问题解决了吗？'),
        options: [{ id: 'yes', label: t('Yes', '是', '是') }, { id: 'no', label: t('No', '否', '否') }] },
      { id: 'csat', type: 'csat', required: false, title: t('How satisfied are you with how we handled it?', '您對我們的處理方式滿意嗎？', '您对我们的处理方式满意吗？') },
      { id: 'nps', type: 'nps', required: false, title: t('How likely are you now to recommend us to a friend?', '您現在有多大可能向朋友推薦我們？', '您现在有多大可能向朋友推荐我们？') },
    ],
  },
} as SurveyInput;

const SUBJECT = t('Was your issue resolved?', '您的問題解決了嗎？', '您的问题解决了吗？');
const INTRO = t(
  'We closed your case. Please tell us in two clicks whether it was resolved:',
  '我們已結案。請用兩下點擊告訴我們問題是否已解決：',
  '我们已结案。请用两下点击告诉我们问题是否已解决：',
);

async function followUpSurvey(deps: Deps, workspaceId: string): Promise<string> {
  const settings = await ensureSettings(deps, deps.db, workspaceId);
  if (settings.resurvey_survey_id) return settings.resurvey_survey_id;
  const survey = await createSurvey(deps, { workspaceId, actor: SYSTEM_ACTOR }, FOLLOW_UP, 'live');
  // Two closings racing make one survey each; the first stored wins and the other stays unused.
  await deps.db.updateTable('case_settings').set({ resurvey_survey_id: survey.id }).where('workspace_id', '=', workspaceId).where('resurvey_survey_id', 'is', null).execute();
  return (await setup.settingsRow(deps.db, workspaceId))!.resurvey_survey_id!;
}

/** Sends the follow-up survey of a closed case; records it on the timeline (or why it was not sent). */
export async function sendResurvey(deps: Deps, ctx: Ctx, caseId: string): Promise<void> {
  const row = await repo.findCase(deps.db, ctx.workspaceId, caseId);
  if (!row) return;
  let data: Record<string, unknown>;
  if (!row.customer_email_enc) data = { status: 'skipped', reason: 'no_email' };
  else {
    const surveyId = await followUpSurvey(deps, ctx.workspaceId);
    const email = deps.cipher.decrypt(row.customer_email_enc);
    const r = await sendSurveyInvites(deps, ctx, surveyId, [{ email, language: row.language ?? undefined }], { followUp: { subject: SUBJECT, intro: INTRO } });
    const invited = r.invited[0];
    if (invited && r.sent) {
      await deps.db.insertInto('case_resurveys').values({ id: newId(), workspace_id: ctx.workspaceId, case_id: caseId, survey_id: surveyId, respondent_id: invited.respondentId, sent_at: new Date().toISOString(), response_id: null, answered_at: null }).execute();
      data = { status: 'sent', surveyId };
    } else data = { status: 'skipped', reason: r.noConsent.length ? 'no_consent' : r.failed[0]?.error ?? 'not_sent' };
  }
  await deps.db.transaction().execute(async (trx) => {
    const current = (await repo.findCase(trx, ctx.workspaceId, caseId, 'update'))!;
    await changeCase(deps, trx, ctx, current, {}, [{ kind: 'resurvey_sent', data }], { audit: 'case.resurvey_sent' });
  });
}

const positiveScore = (r: Pick<CaseSourceRow, 'nps' | 'csat'>) => (r.nps !== null ? r.nps >= 7 : r.csat !== null ? r.csat >= 4 : null);

/**
 * After answers arrive: a follow-up answer is linked to its case and decides recovery; any other
 * scored answer is the "next score" of the customer's earlier detractor cases still undecided.
 */
export async function noteAnswers(deps: Deps, workspaceId: string, rows: (CaseSourceRow & { customerKey: string })[]): Promise<string[]> {
  const settings = await setup.settingsRow(deps.db, workspaceId);
  if (!settings) return [];
  const touched: string[] = [];
  for (const r of rows) {
    if (r.status !== 'complete') continue;
    if (r.survey_id === settings.resurvey_survey_id && r.respondent_id) {
      const sent = await deps.db.selectFrom('case_resurveys').selectAll().where('workspace_id', '=', workspaceId).where('survey_id', '=', r.survey_id)
        .where('respondent_id', '=', r.respondent_id).where('response_id', 'is', null).orderBy('sent_at', 'desc').executeTakeFirst();
      if (!sent) continue;
      const answers = JSON.parse(r.answers) as Record<string, unknown>;
      const resolved = answers.resolved === 'yes' ? true : answers.resolved === 'no' ? false : null;
      const positive = resolved === false ? false : resolved === true || positiveScore(r) === true;
      await deps.db.transaction().execute(async (trx) => {
        const current = await repo.findCase(trx, workspaceId, sent.case_id, 'update');
        if (!current) return;
        await trx.updateTable('case_resurveys').set({ response_id: r.id, answered_at: new Date().toISOString() }).where('id', '=', sent.id).execute();
        await repo.linkResponse(trx, workspaceId, current.id, r.id, 'resurvey', new Date().toISOString());
        const detractor = isNegative({ scores: JSON.parse(current.trigger_scores) });
        await changeCase(deps, trx, { workspaceId, actor: SYSTEM_ACTOR }, current, detractor ? { recovered: positive ? 1 : 0 } : {}, [{ kind: 'resurvey_answered', data: { responseId: r.id, resolved, csat: r.csat, nps: r.nps, positive } }], { audit: 'case.resurvey_answered' });
      });
      touched.push(sent.case_id);
      continue;
    }
    const positive = positiveScore(r);
    if (positive === null) continue;
    const earlier = await deps.db.selectFrom('cases').selectAll().where('workspace_id', '=', workspaceId).where('customer_key', '=', r.customerKey)
      .where('recovered', 'is', null).where('created_at', '<', r.created_at).execute();
    for (const c of earlier) {
      if (c.source_response_id === r.id || !isNegative({ scores: JSON.parse(c.trigger_scores) })) continue;
      await deps.db.updateTable('cases').set({ recovered: positive ? 1 : 0 }).where('id', '=', c.id).where('recovered', 'is', null).execute();
      touched.push(c.id);
    }
  }
  return touched;
}
