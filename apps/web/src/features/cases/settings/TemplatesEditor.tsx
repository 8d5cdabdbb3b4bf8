import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '@touchpoint/shared';
import { errorsUnder } from '../../../lib/errors';
import { LANGUAGE_NAMES } from '../../../lib/i18n';
import { Button } from '../../../ui/Button';
import { Field, InlineError } from '../../../ui/Field';
import { Tabs } from '../../../ui/Tabs';
import { issueText } from './issue-text';
import { TEMPLATE_VARIABLES, newTemplate, type TemplateDraft } from './settings-draft';

const MAX_TEMPLATES = 50;

interface Props { value: TemplateDraft[]; onChange: (next: TemplateDraft[]) => void; errors: Record<string, string>; readOnly: boolean }

/** Reply templates: an id and a name, and per language a subject and a body with placeholders. */
export function TemplatesEditor({ value, onChange, errors, readOnly }: Props) {
  const { t } = useTranslation();
  const [openAt, setOpenAt] = useState<number | null>(null);
  const setAt = (i: number, next: TemplateDraft) => onChange(value.map((x, j) => (j === i ? next : x)));
  return (
    <section className="card stack-sm" aria-labelledby="cases-templates" data-testid="templates-editor">
      <h2 className="card-title" id="cases-templates">{t('casesAdmin.settings.templates')}</h2>
      <p className="muted small">
        {t('casesAdmin.settings.templatesHint')}{' '}
        {TEMPLATE_VARIABLES.map((v) => <code key={v} className="cases-var">{v}</code>)}
      </p>
      <InlineError messages={errors.templates ? [issueText(t, errors.templates)!] : []} />
      {value.length === 0 ? <p className="muted small">{t('casesAdmin.settings.noTemplates')}</p> : (
        <ul className="cases-list">
          {value.map((tpl, i) => {
            const problems = errorsUnder(errors, `templates[${i}]`);
            const open = openAt === i || problems.length > 0;
            const filled = UI_LANGUAGES.filter((l) => tpl.bodies[l].subject.trim() || tpl.bodies[l].body.trim());
            return (
              <li key={i} className="cases-list-item" data-testid="template-row">
                <div className="row-between">
                  <div>
                    <strong>{tpl.name || t('casesAdmin.settings.untitled')}</strong> <code className="muted small">{tpl.id}</code>
                    <div className="muted small">{filled.length ? filled.map((l) => LANGUAGE_NAMES[l]).join(' · ') : t('casesAdmin.settings.noLanguage')}</div>
                  </div>
                  <span className="row-actions">
                    <Button size="sm" variant="ghost" aria-expanded={open} onClick={() => setOpenAt(open && openAt === i ? null : i)} testId="template-toggle">
                      {open ? t('casesAdmin.settings.collapse') : readOnly ? t('casesAdmin.view') : t('common.edit')}
                    </Button>
                    {!readOnly && <Button size="sm" variant="ghost" onClick={() => { onChange(value.filter((_, j) => j !== i)); setOpenAt(null); }} testId="template-remove">{t('common.delete')}</Button>}
                  </span>
                </div>
                {open && <TemplateFields tpl={tpl} index={i} errors={errors} readOnly={readOnly} onChange={(next) => setAt(i, next)} />}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && value.length < MAX_TEMPLATES && (
        <div><Button size="sm" onClick={() => { onChange([...value, newTemplate(value)]); setOpenAt(value.length); }} testId="template-add">+ {t('casesAdmin.settings.addTemplate')}</Button></div>
      )}
    </section>
  );
}

function TemplateFields({ tpl, index, errors, readOnly, onChange }: { tpl: TemplateDraft; index: number; errors: Record<string, string>; readOnly: boolean; onChange: (next: TemplateDraft) => void }) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<UiLanguage>('en');
  const at = `templates[${index}]`;
  const err = (p: string) => issueText(t, errors[`${at}.${p}`]);
  const body = tpl.bodies[lang];
  const setBody = (patch: Partial<typeof body>) => onChange({ ...tpl, bodies: { ...tpl.bodies, [lang]: { ...body, ...patch } } });
  const bodyBox = useRef<HTMLTextAreaElement>(null);
  /** A placeholder goes where the caret was left (a textarea keeps its selection when it loses focus). */
  function insert(v: string) {
    const box = bodyBox.current;
    const at = box ? box.selectionEnd : body.body.length;
    setBody({ body: `${body.body.slice(0, at)}${v}${body.body.slice(at)}` });
    requestAnimationFrame(() => { box?.focus(); box?.setSelectionRange(at + v.length, at + v.length); });
  }
  return (
    <div className="stack-sm cases-template-fields">
      <div className="form-row">
        <Field label={t('casesAdmin.settings.templateId')} error={err('id')}>
          {(p) => <input {...p} className="input input-sm input-mono" value={tpl.id} maxLength={40} disabled={readOnly} onChange={(e) => onChange({ ...tpl, id: e.target.value })} data-testid="template-id" />}
        </Field>
        <Field label={t('casesAdmin.settings.templateName')} error={err('name')} className="grow">
          {(p) => <input {...p} className="input input-sm" value={tpl.name} maxLength={80} disabled={readOnly} onChange={(e) => onChange({ ...tpl, name: e.target.value })} data-testid="template-name" />}
        </Field>
      </div>
      <Tabs label={t('casesAdmin.settings.templateLanguage')} idPrefix={`tpl-${index}-lang`} value={lang} onChange={(id) => setLang(id as UiLanguage)}
        items={UI_LANGUAGES.map((l) => ({ id: l, label: LANGUAGE_NAMES[l], testId: `template-lang-${l}` }))} />
      <div role="tabpanel" aria-labelledby={`tpl-${index}-lang-${lang}`} className="stack-sm">
        <Field label={t('casesAdmin.settings.subject')} error={err(`bodies.${lang}.subject`)}>
          {(p) => <input {...p} className="input" lang={lang} value={body.subject} maxLength={200} disabled={readOnly} onChange={(e) => setBody({ subject: e.target.value })} data-testid="template-subject" />}
        </Field>
        <Field label={t('casesAdmin.settings.body')} error={err(`bodies.${lang}.body`)}>
          {(p) => <textarea {...p} ref={bodyBox} className="input" lang={lang} rows={6} value={body.body} maxLength={10_000} disabled={readOnly} onChange={(e) => setBody({ body: e.target.value })} data-testid="template-body" />}
        </Field>
        {!readOnly && (
          <div className="row-wrap">
            <span className="muted small">{t('casesAdmin.settings.insert')}</span>
            {TEMPLATE_VARIABLES.map((v) => (
              <button key={v} type="button" className="chip" onClick={() => insert(v)} data-testid="template-insert">{v}</button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
