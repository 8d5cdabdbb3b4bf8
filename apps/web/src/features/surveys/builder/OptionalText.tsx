import { useState } from 'react';
import type { LocalizedText } from '@touchpoint/shared';
import { LocalizedInput } from './LocalizedInput';

interface Props {
  summary: string;
  label: string;
  languages: string[];
  value: LocalizedText | undefined;
  onChange: (next: LocalizedText) => void;
  testId: string;
  errors: string[];
}

/** Optional text (survey intro, question help text) folded away until needed; open when it has content. */
export function OptionalText({ summary, label, languages, value, onChange, testId, errors }: Props) {
  // Decided once: closing the fold while someone clears the text would be jarring.
  const [openAtStart] = useState(() => Object.values(value ?? {}).some((v) => v.trim()) || errors.length > 0);
  return (
    <details className="optional-text" open={openAtStart}>
      <summary data-testid={`${testId}-toggle`}>{summary}</summary>
      <LocalizedInput label={label} languages={languages} value={value} onChange={onChange} multiline testId={testId} errors={errors} />
    </details>
  );
}
