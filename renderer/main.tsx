import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/theme.css';
import { App } from './app/App.tsx';
import { selectBridge } from './bridge/select.ts';
import { createAppStore } from './store/store.ts';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element.');
const root = createRoot(rootElement);

// Served by the LAN server (browser mode): the facilitator's console or a participant's device.
if (document.querySelector('meta[name="drillbook-host"][content="lan"]')) {
  import('./lan/lan-page.tsx').then(
    ({ startLanPage }) => startLanPage(root),
    (error: unknown) => {
      rootElement.textContent = `Drillbook could not load this page: ${error instanceof Error ? error.message : String(error)}. Reload it.`;
    },
  );
} else selectBridge().then(
  ({ bridge, desktop, label }) => {
    root.render(
      <StrictMode>
        <App bridge={bridge} store={createAppStore(bridge)} hostLabel={label} desktop={desktop} />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    rootElement.textContent = `Drillbook could not connect to its host: ${error instanceof Error ? error.message : String(error)}. Restart the app.`;
  },
);
