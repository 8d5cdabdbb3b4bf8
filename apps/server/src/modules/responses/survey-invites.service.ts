/**
 * Email invitations to answer a survey. Each carries a single-use token (stored hashed); a
 * respondent contacted within the workspace's cooldown is skipped (recontact throttle), and so is a
 * person whose customer profile refuses surveys or email (consent).
 */
import { pickLanguage } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { conflict } from '../../platform/http/errors.js';
import { hashToken, newId, randomToken } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import { getSurvey } from '../surveys/index.js';
import { getWorkspace } from '../accounts/index.js';
import { markContacted, normaliseEmail, recentlyContacted, upsertRespondent } from './respondents.js';

interface Ctx { workspaceId: string; actor: Actor }
export interface Recipient { email: string; name?: string; language?: string; customerExternalId?: string }

const COPY: Record<string, { subject: (s: string) => string; body: (name: string, survey: string, link: string) => string }> = {
  en: { subject: (s) => `Tell us how we did: ${s}`, body: (n, s, l) => `Hello${n ? ' ' + n : ''},\n\nWe would love to hear about your experience. "${s}" takes about a minute:\n\n${l}\n\nThis link is personal and works once. Thank you!` },
  'zh-Hant': { subject: (s) => `邀請您分享體驗：${s}`, body: (n, s, l) => `${n ? n + ' ' : ''}您好：\n\n我們很想聽聽您的體驗。「${s}」約需一分鐘：\n\n${l}\n\n此連結僅供您使用一次。謝謝！` },
  'zh-Hans': { subject: (s) => `邀请您分享体验：${s}`, body: (n, s, l) => `${n ? n + ' ' : ''}您好：\n\n我们很想听听您的体验。「${s}」约需一分钟：\n\n${l}\n\n此链接仅供您使用一次。谢谢！` },
};

/**
 * `opts.followUp`: a follow-up the person asked for by complaining (a closed case's re-survey):
 * the recontact cooldown does not apply (consent still does), and the mail says what it follows up.
 */
export interface InviteOptions { followUp?: { subject: Record<string, string>; intro: Record<string, string> } }

export async function sendSurveyInvites(deps: Deps, ctx: Ctx, surveyId: string, recipients: Recipient[], opts: InviteOptions = {}) {
  const survey = await getSurvey(deps, ctx.workspaceId, surveyId);
  if (survey.status !== 'live') throw conflict('survey_not_live', 'publish the survey before inviting people');
  const { settings } = await getWorkspace(deps, ctx.workspaceId);
  const invited: { email: string; respondentId: string }[] = [];
  const sent: string[] = [], throttled: string[] = [], noConsent: string[] = [], failed: { email: string; error: string }[] = [];
  const seen = new Set<string>();
  for (const r of recipients) {
    const email = normaliseEmail(r.email);
    if (seen.has(email)) continue;
    seen.add(email);
    if (await deps.consentRefused?.(ctx.workspaceId, { email, externalId: r.customerExternalId }, ['surveys', 'email'])) { noConsent.push(email); continue; }
    if (!opts.followUp && await recentlyContacted(deps, ctx.workspaceId, { email }, settings.recontactCooldownDays)) { throttled.push(email); continue; }
    const lang = pickLanguage(survey.definition.languages, r.language ? [r.language] : [], survey.definition.defaultLanguage);
    const token = randomToken('sv_', 24);
    const now = new Date().toISOString();
    const inviteId = newId();
    const respondentId = await deps.db.transaction().execute(async (trx) => {
      const respondentId = (await upsertRespondent(deps, trx, ctx.workspaceId, { email, name: r.name, externalId: r.customerExternalId }))!;
      await trx.insertInto('survey_invites').values({ id: inviteId, workspace_id: ctx.workspaceId, survey_id: survey.id, respondent_id: respondentId, token_hash: hashToken(token), language: lang, sent_at: now, used_at: null }).execute();
      await markContacted(trx, respondentId, now);
      await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'survey.invite_sent', targetType: 'survey_invite', targetId: inviteId, details: { surveyId: survey.id } });
      return respondentId;
    });
    invited.push({ email, respondentId });
    const link = `${deps.publicUrl()}/s/${survey.publicId}?t=${token}&lang=${encodeURIComponent(lang)}`;
    const copy = COPY[lang] ?? COPY.en;
    const title = survey.name;
    try {
      const f = opts.followUp;
      await deps.mailer.send(f
        ? { to: email, subject: f.subject[lang] ?? f.subject.en, text: `${f.intro[lang] ?? f.intro.en}\n\n${link}` }
        : { to: email, subject: copy.subject(title), text: copy.body(r.name ?? '', title, link) });
      sent.push(email);
    } catch (err) {
      failed.push({ email, error: (err as Error).message });
    }
  }
  return { sent: sent.length, throttled, noConsent, failed, invited };
}
