// Authoring: the model behind the Author view. A scenario text edited by forms, the events table
// and the YAML tab alike (document.ts), its references kept whole on rename (references.ts), its
// problems as the CLI prints them (problems.ts), its events list to and from CSV (csv-*.ts), and
// the timeline layout model (timeline.ts), and a rehearsal on virtual time (rehearsal.ts).
export { AuthorDocument, AuthorError, freeId, type InjectTrigger } from './document.ts';
export { allReferences, referencesTo, type ElementKind, type Reference } from './references.ts';
export { eventRows, conditionSummary, type EventRow, type EventTrigger } from './events.ts';
export { scenarioProblems, type Problem, type Problems, type ProblemSeverity } from './problems.ts';
export { importEvents, importTable, readCsvTable, guessMapping, CsvFileError, csvProblem, EVENT_FIELDS, type ColumnMapping, type CsvImport, type CsvImportOptions, type CsvProblem, type CsvTable, type EventField, type ImportedInject } from './csv-import.ts';
export { openXlsx, readXlsxTable, excelTimeText, formatKind, MAX_XLSX_BYTES, MAX_XLSX_PART_BYTES, MAX_XLSX_ROWS, MAX_XLSX_COLUMNS, type XlsxWorkbook } from './xlsx-import.ts';
export { eventsToCsv, EXPORT_COLUMNS } from './csv-export.ts';
export { parseEventTime, formatEventTime, TIME_HINT, type ClockForm, type TimeResult } from './event-time.ts';
export { diffScenarios, type ChangeKind, type ScenarioChange } from './diff.ts';
export { BLANK_TEMPLATES, blankTemplate, type BlankTemplate } from './templates.ts';
export { timelineModel, type TimelineModel, type TimelineInject, type TimelineEdge, type TimelineStep, type TimelineBranch, type DependencyKind } from './timeline.ts';
export { Rehearsal, RehearsalError, playActionOf, runPlay, playIsFor, type RecordedEvent } from './rehearsal.ts';
