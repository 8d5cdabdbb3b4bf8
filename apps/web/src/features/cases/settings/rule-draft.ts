/**
 * The case rule form's working copy. Inputs hold text (a half-typed number stays as typed);
 * `checkRule` turns the draft into the contract's CaseRuleInput and checks it with the server's own
 * schema, so mistakes show before sending, keyed by the same paths the server's 400 names
 * (trigger.conditions[0].value, actions.notifyEmails[1]). Pure: no React.
 */
import { CaseRuleInput, type CaseCondition, type CasePriority, type CaseRule } from '@touchpoint/shared';

type Metric = Extract<CaseCondition, { kind: 'score' }>['metric'];
type Cue = Extract<CaseCondition, { kind: 'cue' }>['cue'];
type MetaOp = Extract<CaseCondition, { kind: 'metadata' }>['op'];

export type ConditionDraft =
  | { uid: string; kind: 'score'; metric: Metric; op: 'lte' | 'gte'; value: string }
  | { uid: string; kind: 'sentiment'; theme: string }
  | { uid: string; kind: 'cue'; cue: Cue }
  | { uid: string; kind: 'metadata'; key: string; op: MetaOp; value: string }
  | { uid: string; kind: 'history'; count: string; days: string };
export type ConditionKind = ConditionDraft['kind'];
export const CONDITION_KINDS: readonly ConditionKind[] = ['score', 'sentiment', 'cue', 'metadata', 'history'];
export const META_OPS: readonly MetaOp[] = ['eq', 'neq', 'in', 'contains'];

export interface RuleDraft {
  name: string;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: ConditionDraft[];
  priority: CasePriority;
  /** '' = no team. */
  teamId: string;
  assign: 'auto' | 'none' | 'user';
  assignUserId: string;
  /** Comma or newline separated. */
  tags: string;
  emails: string;
  webhookUrl: string;
  /** Empty when editing means "keep the stored secret". */
  webhookSecret: string;
}

/** The usual "unhappy answer" thresholds, one click each. */
export const SCORE_PRESETS: readonly { metric: Metric; op: 'lte' | 'gte'; value: number }[] = [
  { metric: 'nps', op: 'lte', value: 6 },
  { metric: 'csat', op: 'lte', value: 2 },
  { metric: 'ces', op: 'gte', value: 5 },
];

let seq = 0;
/** React keys for condition rows, unrelated to their positions (which are the error paths). */
const uid = () => `c${++seq}`;

export function newCondition(kind: ConditionKind): ConditionDraft {
  switch (kind) {
    case 'score': return { uid: uid(), kind, metric: 'nps', op: 'lte', value: '6' };
    case 'sentiment': return { uid: uid(), kind, theme: '' };
    case 'cue': return { uid: uid(), kind, cue: 'anger' };
    case 'metadata': return { uid: uid(), kind, key: '', op: 'eq', value: '' };
    case 'history': return { uid: uid(), kind, count: '3', days: '30' };
  }
}

export function presetCondition(p: (typeof SCORE_PRESETS)[number]): ConditionDraft {
  return { uid: uid(), kind: 'score', metric: p.metric, op: p.op, value: String(p.value) };
}

export function emptyRule(): RuleDraft {
  return {
    name: '', enabled: true, match: 'any', conditions: [presetCondition(SCORE_PRESETS[0])],
    priority: 'normal', teamId: '', assign: 'auto', assignUserId: '', tags: '', emails: '', webhookUrl: '', webhookSecret: '',
  };
}

function conditionDraft(c: CaseCondition): ConditionDraft {
  switch (c.kind) {
    case 'score': return { uid: uid(), kind: 'score', metric: c.metric, op: c.op, value: String(c.value) };
    case 'sentiment': return { uid: uid(), kind: 'sentiment', theme: c.theme ?? '' };
    case 'cue': return { uid: uid(), kind: 'cue', cue: c.cue };
    case 'metadata': return { uid: uid(), kind: 'metadata', key: c.key, op: c.op, value: Array.isArray(c.value) ? c.value.join(', ') : c.value };
    case 'history': return { uid: uid(), kind: 'history', count: String(c.count), days: String(c.days) };
  }
}

export function ruleDraft(rule: CaseRule): RuleDraft {
  const a = rule.actions;
  return {
    name: rule.name, enabled: rule.enabled, match: rule.trigger.match, conditions: rule.trigger.conditions.map(conditionDraft),
    priority: a.priority, teamId: a.teamId ?? '',
    assign: typeof a.assign === 'object' ? 'user' : a.assign, assignUserId: typeof a.assign === 'object' ? a.assign.userId : '',
    tags: a.tags.join(', '), emails: a.notifyEmails.join('\n'), webhookUrl: a.webhookUrl ?? '', webhookSecret: '',
  };
}

/** A whole number as typed; NaN otherwise (Zod then names the field). */
export function intOf(text: string): number {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** Comma (also the Chinese ，、), semicolon or newline separated; blanks dropped. */
export function splitList(text: string): string[] {
  return text.split(/[,，、;\n]/).map((s) => s.trim()).filter(Boolean);
}

function conditionOf(d: ConditionDraft): unknown {
  switch (d.kind) {
    case 'score': return { kind: 'score', metric: d.metric, op: d.op, value: intOf(d.value) };
    case 'sentiment': return d.theme ? { kind: 'sentiment', theme: d.theme } : { kind: 'sentiment' };
    case 'cue': return { kind: 'cue', cue: d.cue };
    case 'metadata': return { kind: 'metadata', key: d.key.trim(), op: d.op, value: d.op === 'in' ? splitList(d.value) : d.value.trim() };
    case 'history': return { kind: 'history', count: intOf(d.count), days: intOf(d.days) };
  }
}

/** The request body the draft describes (not yet validated). */
export function draftToBody(d: RuleDraft): Record<string, unknown> {
  const assign = d.assign === 'user' ? { userId: d.assignUserId } : d.assign;
  return {
    name: d.name, enabled: d.enabled,
    trigger: { match: d.match, conditions: d.conditions.map(conditionOf) },
    actions: {
      priority: d.priority, teamId: d.teamId || null, assign, tags: splitList(d.tags),
      notifyEmails: d.emails.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean),
      webhookUrl: d.webhookUrl.trim() || null,
      ...(d.webhookUrl.trim() && d.webhookSecret ? { webhookSecret: d.webhookSecret } : {}),
    },
  };
}

/** A Zod issue path the way lib/errors keys the server's: a.b[0].c. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

export function issuesByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = issuePath(issue.path);
    out[path] = out[path] ? `${out[path]}; ${issue.message}` : issue.message;
  }
  return out;
}

export function checkRule(d: RuleDraft): { body: CaseRuleInput | null; errors: Record<string, string> } {
  const parsed = CaseRuleInput.safeParse(draftToBody(d));
  const noPerson = d.assign === 'user' && !d.assignUserId;
  if (parsed.success && !noPerson) return { body: parsed.data, errors: {} };
  const errors = parsed.success ? {} : issuesByPath(parsed.error.issues);
  // Zod's message about an empty user id would not say that a person is to be chosen.
  if (noPerson) {
    for (const k of Object.keys(errors)) if (k.startsWith('actions.assign')) delete errors[k];
    errors['actions.assign'] = 'choose a person';
  }
  return { body: null, errors };
}


/** A saved rule as a PUT body (the API has no partial update); the stored webhook secret is kept. */
export function ruleInputOf(rule: CaseRule, enabled = rule.enabled): CaseRuleInput {
  const { hasWebhookSecret: _kept, ...actions } = rule.actions;
  return { name: rule.name, enabled, trigger: rule.trigger, actions };
}
