// The one host global core/ relies on without injection: structuredClone, which every runtime
// Drillbook runs in has (Node 17+, browsers, Electron). Declared here because tsconfig.core.json
// gives core neither the DOM's nor Node's type declarations, where it otherwise lives.
declare function structuredClone<T>(value: T): T;
