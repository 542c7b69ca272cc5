import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CasesPage } from './cases-page';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <header className="app-header">
      <span className="app-name">Doorstroom</span>
      <nav aria-label="Hoofdmenu">
        <a href="/" aria-current="page">Zaken</a>
      </nav>
    </header>
    <main>
      <CasesPage />
    </main>
  </StrictMode>,
);
