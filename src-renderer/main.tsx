/** Renderer entry: zod is configured for the CSP (first import), then the UI language, then the app. */
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './ui/app.css';
import { initI18n } from './i18n';
import { App } from './App';

initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
