// Monaco's built-in themes with colours adjusted so every token keeps a WCAG AA contrast (4.5:1) on
// the editor background and on the diff editor's inserted/removed line and text backgrounds; and the
// site's light/dark switch followed.
import type { Monaco } from './monaco';

export function applyThemes(monaco: Monaco): void {
  monaco.editor.defineTheme('mm-light', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'comment', foreground: '236010' },
      { token: 'number', foreground: '0a6342' },
      { token: 'type', foreground: '1d6a80' },
      { token: 'annotation', foreground: '6b521f' },
    ],
    colors: {
      'editorLineNumber.foreground': '#1f6e86',
      'diffEditor.insertedLineBackground': '#eef7e9',
      'diffEditor.insertedTextBackground': '#d4ecc6',
      'diffEditor.removedLineBackground': '#fcefef',
      'diffEditor.removedTextBackground': '#f7d5d5',
    },
  });
  monaco.editor.defineTheme('mm-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'comment', foreground: '7fb56f' },
      { token: 'keyword', foreground: '6cb0ea' },
      { token: 'string', foreground: 'd9a088' },
    ],
    colors: {
      'editorLineNumber.foreground': '#9a9a9a',
      'diffEditor.insertedLineBackground': '#1f2e1f',
      'diffEditor.insertedTextBackground': '#294229',
      'diffEditor.removedLineBackground': '#332020',
      'diffEditor.removedTextBackground': '#4a2626',
    },
  });
  const theme = () => (document.documentElement.dataset.theme === 'light' ? 'mm-light' : 'mm-dark');
  monaco.editor.setTheme(theme());
  new MutationObserver(() => monaco.editor.setTheme(theme())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
}
