// Blank skeletons to start a scenario from, one per level: each is a complete, small scenario that
// loads with no error (so it is ready to run and to rehearse as it is), commented section by
// section so that a trainer who opens the saved file in a text editor knows what each part is for.
// The shipped scenarios are the other templates (a duplicate of one, see Library.duplicate).
import type { Level } from '../scenario/types.ts';

export interface BlankTemplate {
  level: Level;
  /** What the "New from template" menu shows. */
  label: string;
  /** The file name a new scenario gets before its author names it. */
  fileName: string;
  text: string;
}

const HEADER = `# A Drillbook scenario (format: docs/scenario-format.md). Times are durations such as 90s, 5m or
# 1h30m from the start of the exercise. Ids are lowercase letters, digits and dashes; other parts
# refer to an element by its id, so renaming one in the Author view updates every reference.
format: drillbook/scenario@1
`;

const BEGINNER = `${HEADER}
# The scenario's own id and title: the library, the reports and History show them.
id: new-beginner-scenario
title: "New beginner scenario"
# beginner, intermediate or advanced: what the library filters on.
level: beginner
# How long the exercise runs on the clock.
duration: 30m
# What participants read before the start (Markdown).
summary: |
  One paragraph: the organisation, the system and what is about to go wrong.
tags: [draft]

# What the exercise tests. Prompts and runbook steps name an objective; the debrief scores each one.
objectives:
  - id: detect
    title: Notice the problem and say how serious it is
    # What each rating means (Performed, Some challenges, Major challenges, Unable), for the evaluator.
    eeg:
      P: Declared within five minutes at the right severity.
      S: Declared, but late or at the wrong severity.
      M: Noticed, not declared.
      U: Not noticed.

# Who takes part. Each role gets its brief, its own injects and its own prompts.
roles:
  - id: lead
    title: Incident lead
    brief: |
      You decide the severity and who does what.
  - id: engineer
    title: Engineer on call
    brief: |
      You look after the system and its alerts.

# Buttons a role can press during the exercise: pressing one is the act itself.
actions:
  - id: declare-incident
    title: Declare the incident
    roles: [lead]
  - id: roll-back
    title: Roll back the last deploy
    roles: [engineer]

# The master scenario events list: what arrives, when, to whom and on which channel, with the
# prompts each role answers. \`at\` is a time from the start; \`to: all\` also shows on the room screen.
injects:
  - id: kickoff
    at: 0s
    to: all
    channel: note
    from: Facilitator
    title: The exercise starts
    body: |
      Read your brief. The facilitator plays everyone outside the room.
  - id: first-alert
    at: 2m
    to: [engineer, lead]
    channel: alert
    from: Monitoring
    title: Error rate above 5% for five minutes
    body: |
      The service's error rate crossed its threshold. Customers may be affected.
    prompts:
      - id: severity
        role: lead
        type: choice
        ask: What severity do you declare?
        # Options are what a role can pick; \`expect\` (never shown to participants) scores the answer.
        options:
          - {id: sev1, label: SEV1}
          - {id: sev2, label: SEV2}
          - {id: wait, label: Wait and watch}
        expect: {best: [sev2], acceptable: [sev1], within: 5m}
        objective: detect
        points: 10
      - id: first-check
        role: engineer
        type: choice
        ask: What do you check first?
        options:
          - {id: deploys, label: Recent deploys}
          - {id: restart, label: Restart every server at once}
          - {id: nothing, label: Nothing yet}
        expect: {best: [deploys], within: 5m}
        objective: detect
        points: 10

# What the team is expected to do, and by when: each step is met by an answer or an action.
runbook:
  - id: declared
    step: The incident is declared at the right severity
    objective: detect
    by: 7m
    met_by:
      - {prompt: severity, with: [sev2, sev1]}
      - {action: declare-incident}
  - id: checked
    step: The engineer looks at what changed first
    objective: detect
    by: 7m
    met_by:
      - {prompt: first-check, with: [deploys]}
      - {action: roll-back}

# Questions for the hot wash after the end.
debrief:
  questions:
    - What told you how serious it was?
`;

const INTERMEDIATE = `${HEADER}
# The scenario's own id and title: the library, the reports and History show them.
id: new-intermediate-scenario
title: "New intermediate scenario"
# beginner, intermediate or advanced: what the library filters on.
level: intermediate
# How long the exercise runs on the clock.
duration: 45m
# What participants read before the start (Markdown).
summary: |
  One paragraph: the organisation, the system and what is about to go wrong.
tags: [draft]
# What the room accepts as true for the exercise; the facilitator reads them out.
assumptions:
  - The system and the people are invented.

# What the exercise tests. Prompts and runbook steps name an objective; the debrief scores each one.
objectives:
  - id: detect
    title: Notice the problem and say how serious it is
    # What each rating means (Performed, Some challenges, Major challenges, Unable), for the evaluator.
    eeg:
      P: Declared within five minutes at the right severity.
      S: Declared, but late or at the wrong severity.
      M: Noticed, not declared.
      U: Not noticed.
  - id: communicate
    title: Tell the people who depend on the system
    eeg:
      P: A status update with impact and next update time, within ten minutes.
      S: An update, late or without a next update time.
      M: An update written but not published.
      U: Nobody is told.

# Who takes part. Each role gets its brief, its own injects and its own prompts.
roles:
  - id: lead
    title: Incident lead
    brief: |
      You decide the severity and who does what.
  - id: engineer
    title: Engineer on call
    brief: |
      You look after the system and its alerts.
  - id: comms
    title: Communications lead
    brief: |
      You write the status page and the notices to customers.

# Buttons a role can press during the exercise: pressing one is the act itself.
actions:
  - id: declare-incident
    title: Declare the incident
    roles: [lead]
  - id: publish-status
    title: Publish the status page update
    roles: [comms]
  - id: roll-back
    title: Roll back the last deploy
    roles: [engineer]

# The master scenario events list. \`at\` is a time from the start; \`after\` follows another inject
# by a delay. \`to: all\` also shows on the room screen.
injects:
  - id: kickoff
    at: 0s
    to: all
    channel: note
    from: Facilitator
    title: The exercise starts
    body: |
      Read your brief. The facilitator plays everyone outside the room.
  - id: first-alert
    at: 2m
    to: [engineer, lead]
    channel: alert
    from: Monitoring
    title: Error rate above 5% for five minutes
    body: |
      The service's error rate crossed its threshold. Customers may be affected.
    prompts:
      - id: severity
        role: lead
        type: choice
        ask: What severity do you declare?
        # Options are what a role can pick; \`expect\` (never shown to participants) scores the answer.
        options:
          - {id: sev1, label: SEV1}
          - {id: sev2, label: SEV2}
          - {id: wait, label: Wait and watch}
        expect: {best: [sev2], acceptable: [sev1], within: 5m}
        objective: detect
        points: 10
      - id: first-checks
        role: engineer
        type: multi
        ask: Which checks do you run first? (choose all that apply)
        options:
          - {id: deploys, label: Recent deploys}
          - {id: restart, label: Restart everything}
          - {id: dependencies, label: Dependencies' status}
        expect: {best: [deploys, dependencies], within: 5m}
        objective: detect
        points: 10
  - id: customer-ticket
    after: first-alert
    delay: 4m
    to: [comms]
    channel: ticket
    from: Customer support
    title: Customers report failed requests
    body: |
      Support has twelve tickets in ten minutes. What should they tell customers?
    prompts:
      - id: status-update
        role: comms
        type: text
        ask: Write the status page update.
        # A text answer is scored by keyword groups: each group is met by any of its words.
        expect:
          keywords:
            - [errors, failing, failed, degraded]
            - [next update, "update at", "in 30 minutes"]
          within: 6m
        objective: communicate
        points: 10

# What the team is expected to do, and by when: each step is met by an answer or an action.
runbook:
  - id: declared
    step: The incident is declared at the right severity
    objective: detect
    by: 7m
    met_by:
      - {prompt: severity, with: [sev2, sev1]}
      - {action: declare-incident}
  - id: status-published
    step: The status page tells customers what is wrong
    objective: communicate
    by: 12m
    met_by:
      - {action: publish-status}

# Questions for the hot wash after the end.
debrief:
  questions:
    - What told you how serious it was?
    - Who knew what, and when?
`;

const ADVANCED = `${HEADER}
# The scenario's own id and title: the library, the reports and History show them.
id: new-advanced-scenario
title: "New advanced scenario"
# beginner, intermediate or advanced: what the library filters on.
level: advanced
# How long the exercise runs on the clock.
duration: 1h
# What participants read before the start (Markdown).
summary: |
  One paragraph: the organisation, the system and what is about to go wrong.
tags: [draft]
# What the room accepts as true for the exercise; the facilitator reads them out.
assumptions:
  - The system and the people are invented.

# What the exercise tests. Prompts and runbook steps name an objective; the debrief scores each one.
objectives:
  - id: detect
    title: Notice the problem and say how serious it is
    # What each rating means (Performed, Some challenges, Major challenges, Unable), for the evaluator.
    eeg:
      P: Declared within five minutes at the right severity.
      S: Declared, but late or at the wrong severity.
      M: Noticed, not declared.
      U: Not noticed.
  - id: mitigate
    title: Protect customers before finding the cause
    eeg:
      P: The fallback is on within ten minutes of the alert.
      S: The fallback is on, late.
      M: The team looks for the cause while customers wait.
      U: No mitigation.

# Who takes part. Each role gets its brief, its own injects and its own prompts.
roles:
  - id: lead
    title: Incident lead
    brief: |
      You decide the severity and who does what.
  - id: engineer
    title: Engineer on call
    brief: |
      You look after the system, its alerts and its fallback.

# Buttons a role can press during the exercise: pressing one is the act itself.
actions:
  - id: declare-incident
    title: Declare the incident
    roles: [lead]
  - id: enable-fallback
    title: Switch traffic to the fallback
    roles: [engineer]

# The master scenario events list. \`at\` is a time from the start; \`after\` follows another inject;
# \`when\` waits for a condition on the team's own decisions, so the story branches on them.
injects:
  - id: kickoff
    at: 0s
    to: all
    channel: note
    from: Facilitator
    title: The exercise starts
    body: |
      Read your brief. The facilitator plays everyone outside the room.
  - id: first-alert
    at: 2m
    to: [engineer, lead]
    channel: alert
    from: Monitoring
    title: Error rate above 5% for five minutes
    body: |
      The service's error rate crossed its threshold. Customers may be affected.
    # Notes only the facilitator sees.
    facilitator_notes: |
      The cause is a slow dependency; the fallback protects customers while the team looks.
    prompts:
      - id: severity
        role: lead
        type: choice
        ask: What severity do you declare?
        # Options are what a role can pick; \`expect\` (never shown to participants) scores the answer.
        options:
          - {id: sev1, label: SEV1}
          - {id: sev2, label: SEV2}
          - {id: wait, label: Wait and watch}
        expect: {best: [sev2], acceptable: [sev1], within: 5m}
        objective: detect
        points: 10
      - id: first-move
        role: engineer
        type: choice
        ask: What do you do first?
        options:
          - {id: fallback, label: Switch to the fallback}
          - {id: debug, label: Find the cause}
          - {id: scale, label: Add capacity to every cluster}
        expect: {best: [fallback], acceptable: [debug], within: 5m}
        objective: mitigate
        points: 10
  # A branch: this arrives only when the fallback was not chosen.
  - id: partner-complains
    when: {answered: first-move, with: [debug, scale]}
    delay: 3m
    to: [lead]
    channel: email
    from: Partner desk
    title: A partner threatens to suspend the integration
    body: |
      "Half of our requests to you fail. Fix it within the hour or we switch you off."
    prompts:
      - id: partner-reply
        role: lead
        type: text
        ask: What do you answer the partner?
        # A text answer is scored by keyword groups: each group is met by any of its words.
        expect:
          keywords:
            - [fallback, mitigation, workaround]
            - [update, "next update", "within"]
          within: 6m
        objective: mitigate
        points: 10

# What the team is expected to do, and by when: each step is met by an answer or an action.
runbook:
  - id: declared
    step: The incident is declared at the right severity
    objective: detect
    by: 7m
    met_by:
      - {prompt: severity, with: [sev2, sev1]}
      - {action: declare-incident}
  - id: fallback-on
    step: Traffic goes to the fallback before the cause is known
    objective: mitigate
    by: 12m
    metric: mitigate
    met_by:
      - {prompt: first-move, with: [fallback]}
      - {action: enable-fallback}

# Questions for the hot wash after the end.
debrief:
  questions:
    - What told you how serious it was?
    - What did the fallback cost, and who decided it was worth it?
`;

export const BLANK_TEMPLATES: readonly BlankTemplate[] = [
  { level: 'beginner', label: 'Blank beginner scenario', fileName: 'new-beginner-scenario.yaml', text: BEGINNER },
  { level: 'intermediate', label: 'Blank intermediate scenario', fileName: 'new-intermediate-scenario.yaml', text: INTERMEDIATE },
  { level: 'advanced', label: 'Blank advanced scenario', fileName: 'new-advanced-scenario.yaml', text: ADVANCED },
];

export function blankTemplate(level: Level): BlankTemplate {
  const found = BLANK_TEMPLATES.find((t) => t.level === level);
  if (!found) throw new Error(`there is no blank template for level '${level}'`);
  return found;
}
