// The playground's one state object. The controller (controller.ts) owns it and is the only writer;
// every panel renders from it and reports what the user did back to the controller.
import type { EngineError, Finding, MigrateOptions, Result, RuleInfo } from '../engine/types';
import type { EngineStatus } from './engine-client';
import type { LookupAnswer } from './lookup-adapter';
import type { ProjectFile, Skipped } from './project-files';
import type { PlaygroundOptions, PlaygroundView } from './share';

export type Tone = 'ok' | 'warn' | 'error' | 'info';

/** An engine answer for one version of a file. */
export interface Analysis {
  version: number;
  /** the text that was analysed (the diff's left side) */
  text: string;
  result: Result;
  ms: number;
}

/** Why the file's current text has no fresh analysis. */
export type Refusal =
  | { kind: 'empty' }
  | { kind: 'too_large'; bytes: number }
  | { kind: 'binary'; reason: string }
  | { kind: 'traceback'; reason: string }
  | { kind: 'engine'; error: EngineError }
  | { kind: 'failed'; message: string };

export interface FileState {
  path: string;
  /** project files: the text as it was dropped (what the download compares against) */
  original: string;
  text: string;
  /** bumps on every change of `text` */
  version: number;
  /** the last analysis without an error (shown greyed while the current text cannot be analysed) */
  good: Analysis | null;
  /** why the current version has no analysis; null when `good` is current or one is on its way */
  refusal: Refusal | null;
}

export interface ProjectState {
  name: string;
  /** every kept file of the project (analysed ones and ones carried unchanged into the download) */
  sources: ProjectFile[];
  /** the analysed files' paths, sorted (empty while the files are being read) */
  paths: string[];
  /** left out: skipped directories, unsafe names, binary or non-UTF-8 files, limits */
  skipped: Skipped[];
  /** analysed files whose engine run failed outright (not a syntax error: those have a refusal) */
  failed: Map<string, string>;
  run: { pass: 'read' | 'facts' | 'migrate'; done: number; total: number; path: string } | null;
  /** how the last run ended */
  ended: 'done' | 'cancelled' | 'error' | null;
  ms: number;
}

export interface Note {
  text: string;
  /** an action offered with the note */
  action?: { label: string; run: 'fresh-example' | 'rules-on' | 'dismiss' };
}

export interface LookupView {
  why: string;
  answer: LookupAnswer | null;
  failure: string;
}

export interface PlaygroundState {
  /** project files by path; a single pasted file is a one-file map */
  files: Map<string, FileState>;
  /** path of the file in the editor */
  active: string;
  project: ProjectState | null;
  options: PlaygroundOptions;
  view: PlaygroundView;
  engine: EngineStatus;
  rules: RuleInfo[];
  /** the active file's analysis is not yet on screen */
  busy: boolean;
  message: { text: string; tone: Tone; line?: number };
  note: Note | null;
  lookup: LookupView | null;
  autosave: string;
  /** Monaco has loaded (until then the editor shows a read-only preview) */
  editorReady: boolean;
  /** the guide's section titles have loaded (until then headings show a title made from the anchor) */
  titles: boolean;
}

export function activeFile(s: PlaygroundState): FileState {
  return s.files.get(s.active)!;
}

/** The analysis that describes the file's current text, or null. */
export function freshAnalysis(f: FileState): Analysis | null {
  return f.good && f.good.version === f.version ? f.good : null;
}

/** Findings of the file's current text ([] while there is none). */
export function currentFindings(f: FileState): Finding[] {
  return freshAnalysis(f)?.result.findings ?? [];
}

/** The migrated text of a file: its fresh analysis' output, or its text when there is none. */
export function migratedText(f: FileState): string {
  return freshAnalysis(f)?.result.text ?? f.text;
}

export function newFile(path: string, text: string): FileState {
  return { path, original: text, text, version: 1, good: null, refusal: null };
}

/** The engine's options for the state's rule choices. */
export function engineOptions(s: PlaygroundState): MigrateOptions {
  const o = s.options;
  return { ignore: o.ignore.length ? o.ignore : undefined, apply_review: o.review === 'all' ? true : o.review };
}
