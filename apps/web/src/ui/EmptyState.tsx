import type { ReactNode } from 'react';

export function EmptyState({ title, text, action, testId }: { title: ReactNode; text?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className="empty" data-testid={testId ?? 'empty-state'}>
      <div className="empty-mark" aria-hidden="true" />
      <p className="empty-title">{title}</p>
      {text && <p className="empty-text">{text}</p>}
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}
