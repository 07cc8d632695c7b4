// The typed API between the UI and a host: command and audience schemas for the boundary.
export * from './commands.ts';
