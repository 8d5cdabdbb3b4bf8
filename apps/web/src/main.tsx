import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './lib/i18n';
import { AuthProvider } from './app/auth-context';
import { App } from './app/App';
import { ToastProvider } from './ui/Toast';
import './ui/styles.css';
import './ui/features.css';

initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ToastProvider>
      <AuthProvider>
        <App />
      </AuthProvider>
    </ToastProvider>
  </StrictMode>,
);
