import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../app/LanguageSwitch';

/** Centered card for the pages shown before sign-in. */
export function AuthLayout({ title, subtitle, children }: { title: ReactNode; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <div className="auth-page">
      <div className="auth-top"><LanguageSwitch /></div>
      <main className="auth-card" id="main">
        <div className="brand auth-brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Touchpoint</span>
        </div>
        <h1 className="auth-title">{title}</h1>
        {subtitle && <p className="muted auth-subtitle">{subtitle}</p>}
        {children}
      </main>
    </div>
  );
}
