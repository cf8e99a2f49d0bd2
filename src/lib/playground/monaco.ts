// Monaco, self-hosted and trimmed to what the playground uses. Imported (dynamically) only by the
// playground page, so no other page downloads it. Paths are monaco-editor 0.57's package "exports":
// `monaco-editor/editor` is the bare editor API; every feature is registered explicitly below.
import * as monaco from 'monaco-editor/editor';

import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/quickCommand/register';

import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/ini/register';

import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export { monaco };
export type Monaco = typeof monaco;
