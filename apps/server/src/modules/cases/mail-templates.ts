/**
 * The reply templates a new workspace starts with, in English, Traditional and Simplified Chinese;
 * the rules that fill them (variables, fallbacks, the customer's language) live in
 * packages/shared/src/reply-templates.ts, shared with the composer. Subjects carry no case tag:
 * the sender appends `[#number]` (mail-address.ts `tagSubject`).
 */
import type { ReplyTemplate } from '@touchpoint/shared';

export { pickTemplateLanguage, renderTemplate, type RenderedTemplate, type TemplateVars } from '@touchpoint/shared';

const SIGN_EN = '{{agent.name|The customer care team}}\n{{workspace.name|}}';
const SIGN_HANT = '{{agent.name|客服團隊}}\n{{workspace.name|}}';
const SIGN_HANS = '{{agent.name|客服团队}}\n{{workspace.name|}}';

/** The templates a workspace starts with; each reads naturally with or without a customer name. */
export const DEFAULT_TEMPLATES: ReplyTemplate[] = [
  {
    id: 'apology_followup',
    name: 'Apology and follow-up',
    bodies: {
      en: {
        subject: "We're sorry, and we're looking into it",
        body: `Hi {{customer.name|there}},\n\nThank you for telling us about your experience, and I'm sorry we let you down.\n\nI'm looking into what went wrong and will get back to you as soon as I know more. If there's anything you'd like to add in the meantime, simply reply to this email; it comes straight to me.\n\nBest regards,\n${SIGN_EN}`,
      },
      'zh-Hant': {
        subject: '造成您的不便，真的很抱歉',
        body: `{{customer.name|}}您好：\n\n謝謝您撥冗告訴我們這次的經驗，讓您失望了，真的很抱歉。\n\n我正在釐清問題發生的原因，一有進一步的消息就會馬上通知您。這段期間如果您還有想補充的地方，直接回覆這封信即可，信件會直接寄到我這裡。\n\n祝 順心\n${SIGN_HANT}`,
      },
      'zh-Hans': {
        subject: '给您带来不便，非常抱歉',
        body: `{{customer.name|}}您好：\n\n感谢您抽出时间告诉我们这次的体验，让您失望了，非常抱歉。\n\n我正在了解问题发生的原因，一有进展会第一时间告诉您。在此期间，如果您还有想补充的内容，直接回复这封邮件即可，邮件会直接发到我这里。\n\n祝好！\n${SIGN_HANS}`,
      },
    },
  },
  {
    id: 'need_more_info',
    name: 'Ask for more details',
    bodies: {
      en: {
        subject: 'A few more details, please',
        body: `Hi {{customer.name|there}},\n\nThank you for your feedback. So that I can sort this out for you, could you tell me a little more?\n\n- your order number or account email, if you have one\n- roughly when it happened\n- what you expected, and what happened instead\n\nJust reply to this email; photos or screenshots are welcome too. For reference, your case number is {{case.number}}.\n\nThanks,\n${SIGN_EN}`,
      },
      'zh-Hant': {
        subject: '想再請您提供一些細節',
        body: `{{customer.name|}}您好：\n\n謝謝您的意見回饋。為了盡快幫您處理，想再請您提供一些資訊：\n\n- 訂單編號或帳號的電子郵件（如果有的話）\n- 大約發生的時間\n- 您原本預期的情況，以及實際發生的狀況\n\n直接回覆這封信就可以了，也歡迎附上照片或截圖。您的案件編號是 {{case.number}}。\n\n謝謝您！\n${SIGN_HANT}`,
      },
      'zh-Hans': {
        subject: '麻烦您再提供一些细节',
        body: `{{customer.name|}}您好：\n\n感谢您的反馈。为了尽快帮您解决，想请您再提供一些信息：\n\n- 订单号或账号邮箱（如有）\n- 问题大概发生的时间\n- 您原本期望的情况，以及实际发生的情况\n\n直接回复这封邮件即可，也欢迎附上照片或截图。您的工单编号是 {{case.number}}。\n\n谢谢！\n${SIGN_HANS}`,
      },
    },
  },
  {
    id: 'resolved_confirm',
    name: 'Resolved: please confirm',
    bodies: {
      en: {
        subject: 'The problem you reported has been fixed',
        body: `Hi {{customer.name|there}},\n\nGood news: the problem you told us about has been fixed.\n\nCould you let me know whether everything works for you now? If anything still isn't right, just reply to this email and I'll pick it straight back up.\n\nThank you for your patience,\n${SIGN_EN}`,
      },
      'zh-Hant': {
        subject: '您反映的問題已經處理好了',
        body: `{{customer.name|}}您好：\n\n好消息！您先前反映的問題已經處理好了。\n\n麻煩您確認一下現在是否一切正常。如果還有任何狀況，直接回覆這封信，我會馬上接手處理。\n\n謝謝您的耐心等候。\n${SIGN_HANT}`,
      },
      'zh-Hans': {
        subject: '您反馈的问题已经解决',
        body: `{{customer.name|}}您好：\n\n好消息！您之前反馈的问题已经解决了。\n\n麻烦您确认一下现在是否一切正常。如果还有任何问题，直接回复这封邮件，我会马上跟进处理。\n\n感谢您的耐心等待。\n${SIGN_HANS}`,
      },
    },
  },
  {
    id: 'waiting_reminder',
    name: 'Gentle reminder',
    bodies: {
      en: {
        subject: 'Checking in on your request',
        body: `Hi {{customer.name|there}},\n\nI'm following up on my earlier message about case {{case.number}}. Whenever you have a moment, could you reply with the details I asked for? As soon as I have them, I can move things forward.\n\nIf the issue has already been sorted out, just let me know and I'll close the case.\n\nBest regards,\n${SIGN_EN}`,
      },
      'zh-Hant': {
        subject: '想跟您確認先前的問題',
        body: `{{customer.name|}}您好：\n\n想跟您追蹤一下案件 {{case.number}} 的進度。方便的時候，再麻煩您回覆先前詢問的資訊，收到後我就能繼續為您處理。\n\n如果問題已經解決了，也請告訴我一聲，我會將案件結案。\n\n祝 順心\n${SIGN_HANT}`,
      },
      'zh-Hans': {
        subject: '跟进一下您之前的问题',
        body: `{{customer.name|}}您好：\n\n想跟您确认一下工单 {{case.number}} 的进展。方便的时候，麻烦您回复之前询问的信息，收到后我就能继续为您处理。\n\n如果问题已经解决了，也请告诉我一声，我会关闭这个工单。\n\n祝好！\n${SIGN_HANS}`,
      },
    },
  },
];
