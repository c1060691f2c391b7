import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { useNavigation } from './app/navigation-store.js';
import './app/theme.css';
import { keepKeysTypedAhead } from './components/held-keys.js';

// From the first moment: keys typed before the app is ready are kept for it, never lost.
keepKeysTypedAhead(window);
document.documentElement.dataset.theme = useNavigation.getState().theme;
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
