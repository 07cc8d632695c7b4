import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/theme.css';
import { App } from './app/App.tsx';
import { selectBridge } from './bridge/select.ts';
import { createAppStore } from './store/store.ts';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element.');
const root = createRoot(rootElement);

selectBridge().then(
  ({ bridge, label }) => {
    root.render(
      <StrictMode>
        <App bridge={bridge} store={createAppStore(bridge)} hostLabel={label} />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    rootElement.textContent = `Drillbook could not connect to its host: ${error instanceof Error ? error.message : String(error)}. Restart the app.`;
  },
);
