import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/theme.css';
import '@xyflow/react/dist/style.css';
import { App } from './app';
import { currentLang, i18n } from './i18n/i18n';
import './styles.css';

document.documentElement.lang = currentLang();
document.body.classList.add('utrecht-theme');

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
