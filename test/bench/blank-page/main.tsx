import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The floor a React page built by Vite cannot go under: one word, so that there is a contentful paint to time.
const container = document.getElementById('root');
if (container === null) throw new Error('no #root');
createRoot(container).render(
  <StrictMode>
    <p>Ready</p>
  </StrictMode>,
);
