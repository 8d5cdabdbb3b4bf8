import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/** Copies text to the clipboard; falls back to selecting a hidden textarea on old browsers / http. */
export function CopyButton({ text, testId, label }: { text: string; testId?: string; label?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const ta = document.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.style.position = 'fixed';
      ta.style.opacity = '0';
      document.body.append(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1800);
  }
  return (
    <Button size="sm" onClick={copy} testId={testId} aria-live="polite">
      {copied ? t('common.copied') : label ?? t('common.copy')}
    </Button>
  );
}
