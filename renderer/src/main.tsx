import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadCjkFaces } from './cjk-faces';
import { findKioskApi } from './kiosk-api';
import { OutOfServiceScreen } from './screens/out-of-service-screen';
// Chinese must render on any PC, with or without a CJK font installed: the app ships its own, the simplified-Chinese
// subset of Noto Sans SC (SIL OFL 1.1, about 1.1 MB a weight), in the two weights the screens use.
import '@fontsource/noto-sans-sc/chinese-simplified-400.css';
import '@fontsource/noto-sans-sc/chinese-simplified-700.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/keypad.css';
import './styles/entry.css';
import './styles/screens.css';
import './styles/outcome.css';
import './styles/components.css';
import './styles/maintenance.css';
import './styles/operator-tools.css';
import './styles/idle.css';
import './styles/attract.css';
import './styles/item-card.css';
import './styles/landscape.css';

// A touchscreen kiosk has no use for a context menu (long press) and must not offer "inspect" or "save as".
window.addEventListener('contextmenu', (event) => {
  event.preventDefault();
});

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const api = findKioskApi();
const root = createRoot(container);
// The first render waits for the CJK faces, at most FACE_WAIT_MS (see cjk-faces.ts).
void loadCjkFaces(document.fonts).then((settled) => {
  document.documentElement.dataset.faces = settled;
  root.render(
    <StrictMode>
      {api === null ? (
        <main className="app__main">
          <OutOfServiceScreen />
        </main>
      ) : (
        <App api={api} />
      )}
    </StrictMode>,
  );
});
