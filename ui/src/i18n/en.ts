import type { Messages } from './nl';

/** English: the same keys as Dutch (the type makes a missing one a compile error). */
export const en: Messages = {
  app: { name: 'Doorstroom', tagline: 'Rules and processes for the asylum chain', skip: 'Skip to content', loading: 'Loading…', save: 'Save', cancel: 'Cancel', close: 'Close', yes: 'yes', no: 'no', error: 'Something went wrong: {{message}}', none: '—' },
  nav: { label: 'Main menu', rules: 'Rules', processes: 'Processes', monitor: 'Monitor', admin: 'Administration', cases: 'Cases' },
  lang: { label: 'Language', nl: 'Nederlands', en: 'English', switchTo: 'Nederlands' },
  session: { signedInAs: 'Signed in as {{name}}', logout: 'Sign out', municipality: 'Municipality' },
  roles: { admin: 'administrator', designer: 'designer', approver: 'approver', supervisor: 'supervisor', 'national-admin': 'national administrator' },
  login: {
    title: 'Sign in', intro: 'Sign in with the details your municipality\'s administrator gave you.',
    tenant: 'Municipality code', tenantHelp: 'Your municipality\'s CBS code, for example GM0363.', username: 'Username', password: 'Password',
    submit: 'Sign in', failed: 'Signing in failed. Check the municipality code, username and password.',
  },
  password: {
    title: 'Choose a new password', intro: 'You signed in with a one-time password. Choose your own password before you continue.',
    current: 'Current (one-time) password', next: 'New password', repeat: 'Repeat the new password', help: 'At least 12 characters.',
    submit: 'Save password', mismatch: 'The two new passwords differ.', failed: 'The password was not changed: {{message}}',
  },
  monitor: { title: 'Monitor', placeholder: 'The supervisors\' monitor comes here: running cases, deadlines and the housing quota. Until then, cases are listed under Cases.' },
  admin: {
    title: 'Administration', users: 'Users', username: 'Username', displayName: 'Name', roles: 'Roles', status: 'Status',
    create: 'Add user', created: 'User {{username}} was created. One-time password: {{password}} — pass it on safely; it is not shown again.',
    active: 'active', disabled: 'disabled', mustChange: 'must choose a password', noAccess: 'Only administrators manage users.',
  },
  cases: {
    title: 'Cases', caption: 'Running and closed cases', empty: 'There are no cases yet. Start one through the API (see the README).', failed: 'Cases could not be loaded: {{message}}',
    ref: 'Case reference', process: 'Process', step: 'Step', status: 'Status', outcome: 'Outcome', started: 'Started',
    statuses: { running: 'Running', completed: 'Completed', terminated: 'Terminated', failed: 'Failed', cancelled: 'Cancelled', timed_out: 'Timed out' },
  },
  status: { draft: 'Draft', in_review: 'In review', published: 'Published', rejected: 'Rejected', retired: 'Retired', scheduled: 'Scheduled' },
  rulesets: {
    title: 'Rules', intro: 'Your municipality\'s rule sets, such as the housing priority rules. Choose one to view or change it.',
    name: 'Rule set', latest: 'Latest version', effective: 'Version in force', open: 'Open', caption: 'Rule sets', empty: 'There are no rule sets yet.',
  },
  editor: {
    version: 'Version {{version}}', newDraft: 'Change in a new draft version', draftIntro: 'You are viewing the version in force. Changes go into a draft, which takes effect only after a second person approves it.',
    readOnly: 'Read-only: this version is {{status}}.', save: 'Save draft', saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…', saveFailed: 'Saving failed: {{message}}',
    undo: 'Undo', redo: 'Redo', tabs: { edit: 'Edit', json: 'JSON', test: 'Test', simulate: 'Simulate', review: 'Versions and publishing' },
    graphLabel: 'Rule set as a diagram. Choose a part to edit it on the right.', valid: 'No errors found', errors: '{{count}} error(s) found', warnings: '{{count}} warning(s)',
    errorList: 'Errors and warnings', goTo: 'Show', noDraftRights: 'Only designers can create a draft version.',
  },
  switch: {
    title: 'Status holders get priority', on: 'Yes, status holders get priority', off: 'No, no priority for status holders',
    help: 'Turning this off keeps the rule but it no longer gives priority.', codeWarning: 'Note: the rule uses municipality code {{code}}, but yours is {{tenant}}. Change the parameter "gemeentecode".',
  },
  node: {
    ruleset: 'Rule set', rule: 'Rule', all: 'All conditions', any: 'At least one condition', not: 'Not', reference: 'Reference', fact: 'Condition',
    disabled: 'disabled', priority: 'priority {{priority}}', errorsOnNode: '{{count}} error(s)', held: 'held', failed: 'failed', notEvaluated: 'not evaluated', fired: 'applies', notFired: 'does not apply',
  },
  panel: {
    title: 'Properties', nothing: 'Choose a rule or condition on the left to edit it.', ruleTitle: 'Title', description: 'Description', legalBasis: 'Legal basis', legalBasisHelp: 'Article of the housing bye-law.',
    enabled: 'Rule is active', priority: 'Priority', priorityHelp: 'Higher priority is evaluated first.', eventType: 'Outcome (type)', eventParams: 'Outcome (data, JSON)', name: 'Technical name',
    fact: 'Fact', operator: 'Comparison', value: 'Value', useParameter: 'Use a parameter', parameter: 'Parameter', chooseFact: 'Choose a fact', chooseParameter: 'Choose a parameter',
    groupKind: 'Kind of group', addCondition: 'Add condition', addGroup: 'Add group', addRule: 'Add rule', duplicate: 'Duplicate', remove: 'Delete', moveUp: 'Move up', moveDown: 'Move down',
    rsTitle: 'Rule set title', rsDescription: 'Rule set description', parameters: 'Parameters', parameterValue: '{{label}}', listHelp: 'Choose one or more values.', reference: 'Named condition',
    invalidJson: 'Not valid JSON', unit: 'in {{unit}}', newRuleTitle: 'New rule', days: 'days',
  },
  ops: {
    equal: 'equals', notEqual: 'does not equal', in: 'is one of', notIn: 'is none of', contains: 'contains', doesNotContain: 'does not contain',
    lessThan: 'is less than', lessThanInclusive: 'is at most', greaterThan: 'is more than', greaterThanInclusive: 'is at least',
    dateBefore: 'is before', dateOnOrBefore: 'is on or before', dateAfter: 'is after', dateOnOrAfter: 'is on or after',
    withinDays: 'is at most … days before the peildatum', moreThanDaysAgo: 'is more than … days before the peildatum',
  },
  json: { title: 'JSON for experts', help: 'Changes here go into the diagram as soon as the JSON is valid.', parseError: 'Not valid JSON: {{message}}', line: 'line {{line}}' },
  test: {
    title: 'Test case', intro: 'Fill in an applicant\'s facts, or pick a saved test case, and see what the rules decide.',
    peildatum: 'Reference date (peildatum)', run: 'Run test', saveCase: 'Save test case', caseName: 'Name of the test case', saved: 'Saved test cases', load: 'Load', remove: 'Delete',
    result: 'Outcome', events: 'Outcomes', noEvents: 'No rule applies: no priority.', explanation: 'Explanation', invalid: 'The rule set has errors and cannot be tested.', unknown: 'unknown', derived: 'computed from other facts',
  },
  sim: {
    title: 'Simulation', intro: 'Compare the draft with the published version over many applicants before you submit it for review.',
    generate: 'Generate {{formatted}} applicants', upload: 'Or load a file of applicants (CSV or JSON)', run: 'Start simulation', running: 'Running: {{done}} of {{total}}', progress: 'Simulation progress',
    cases: '{{formatted}} applicants', changed: '{{formatted}} applicants get a different outcome', unchanged: 'Nobody gets a different outcome', chart: 'Outcomes before and after',
    before: 'Published', after: 'Draft', outcome: 'Outcome', count: 'Count', table: 'Applicants with a different outcome (first {{count}})', id: 'Applicant', noPublished: 'There is no published version to compare with yet.',
    none: 'no priority', invalidFile: 'The file could not be read: {{message}}', summary: 'Simulation over {{total}} applicants: {{changed}} get a different outcome.', why: 'Why', show: 'Show explanation',
  },
  review: {
    title: 'Versions and publishing', history: 'Version history', caption: 'All versions', version: 'Version', status: 'Status', author: 'Created by', when: 'When', comment: 'Comment',
    submitTitle: 'Submit for review', submitIntro: 'A second person (approver) reviews the change and chooses the date it takes effect.', submitComment: 'What changed and why?', submit: 'Submit for review',
    submitted: 'Version {{version}} was submitted for review.', saveFirst: 'Save your changes first.', fixErrors: 'Fix the errors first.',
    approveTitle: 'Review', approveIntro: 'Version {{version}} awaits your review. See the changes below.', effectiveFrom: 'Effective from', approveComment: 'Comment (optional)', approve: 'Approve and publish',
    rejectReason: 'Reason for rejection', reject: 'Reject', approved: 'Version {{version}} was approved and takes effect on {{date}}.', rejected: 'Version {{version}} was rejected.', reasonRequired: 'Give a reason.',
    diff: 'Changes compared with version {{from}}', noDiff: 'No changes.', added: 'added', removed: 'removed', changed: 'changed', moved: 'moved', field: 'Part', before: 'Was', after: 'Becomes',
    ownVersion: 'You worked on this version; someone else must review it (four-eyes principle).', simulation: 'Simulation with this version', submittedBy: 'Submitted by {{who}} on {{when}}',
  },
  processes: {
    title: 'Processes', intro: 'Your municipality\'s processes: the steps a case goes through, the events it waits for and the terms that apply.', caption: 'Processes', name: 'Process',
  },
  designer: {
    graphLabel: 'Process as a diagram. Choose a step to edit it on the right.', palette: 'Add a step', add: 'Add {{kind}}', start: 'Start', errors: '{{count}} error(s) in the process',
    kinds: { task: 'Task', wait: 'Wait', decision: 'Decision', subprocess: 'Subprocess', end: 'End' },
    kindHelp: { task: 'An action: set a status, notify, count.', wait: 'Waits for an event, with reminders and a final term.', decision: 'Decides with a rule set.', subprocess: 'Starts another process and waits for its outcome.', end: 'The process ends with an outcome.' },
    label: 'Step name', id: 'Step id', next: 'Next step', action: 'Action', params: 'Settings (JSON)', events: 'Events', event: 'Event', payload: 'Event data (JSON Schema)',
    reminders: 'Reminders', reminder: 'Reminder', at: 'Moment', timeout: 'Final term', amount: 'Amount', unit: 'Unit', fromDate: 'Counted from', after: 'after', before: 'before',
    ruleSet: 'Rule set', branches: 'Outcomes', otherwise: 'Otherwise', outcome: 'Outcome', process: 'Process', removeNode: 'Delete step', makeStart: 'Make this the start step', viaParameter: 'via parameter {{name}}',
    actions: { 'set-variables': 'Record data', 'set-status': 'Set status', notify: 'Send notification', 'count-placement': 'Count for the housing quota' },
    units: { Y: 'years', M: 'months', W: 'weeks', D: 'days' }, unitsOne: { Y: 'year', M: 'month', W: 'week', D: 'day' }, and: 'and',
    dates: { caseStarted: 'case start', hotelStart: 'hotel placement', koppeling: 'linking', permit: 'permit', housed: 'housing', placement: 'placement', homeFound: 'home found', moved: 'move', tenancyStart: 'tenancy start' },
    changedSincePublished: 'changed since published', addedSincePublished: 'new since published', edges: { timeout: 'term passed', otherwise: 'otherwise' }, parameters: 'Parameters',
  },
};
