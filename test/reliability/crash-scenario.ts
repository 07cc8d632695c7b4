// The crash test's scenario: an inject every second for two minutes (one every 100 ms of real
// time at speed 10), each with a prompt for the incident commander, so a kill at a random moment
// often lands while a delivery falls due.
const INJECTS = 120;

function inject(i: number): string {
  return `  - id: tick-${i}
    at: ${i}s
    to: [ic]
    channel: alert
    title: Tick ${i}
    body: Tick ${i}.
    prompts:
      - id: ack-${i}
        role: ic
        ask: Acknowledge tick ${i}?
        type: choice
        options:
          - {id: yes, label: Yes}
          - {id: no, label: No}
        expect: {best: [yes]}
        objective: respond
`;
}

export const CRASH_SCENARIO = `format: drillbook/scenario@1
id: crash-drill
title: Crash drill
duration: 3m
summary: Injects every second, for the crash test.
objectives:
  - id: respond
    title: Respond
roles:
  - id: ic
    title: Incident Commander
injects:
${Array.from({ length: INJECTS }, (_, i) => inject(i)).join('')}`;
