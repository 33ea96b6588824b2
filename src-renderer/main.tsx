/** Renderer entry: configures zod for the CSP (no eval) and the UI language before anything parses. */
import { z } from 'zod';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { initI18n } from './i18n';
import { App } from './App';

z.config({ jitless: true });
initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
