import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { boot } from './ui/boot';
import './ui/styles.css';

const workspace = boot();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App workspace={workspace} />
  </StrictMode>,
);
