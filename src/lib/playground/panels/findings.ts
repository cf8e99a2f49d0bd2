// The findings panel: the active file's findings grouped by guide section, each with its rule, fix
// class and message, a button to show it in the editor and its actions; or why there are none; and the
// error lookup's answer when the text was an error message rather than code.
import type { Finding } from '../../engine/types';
import { el, part, plural, withCode } from '../dom';
import { sectionTitle } from '../lookup-adapter';
import { activeFile, freshAnalysis, type LookupView, type PlaygroundState } from '../state';
import { FIX_LABEL } from './labels';

export interface FindingsActions {
  reveal(f: Finding): void;
  applyFix(f: Finding): void;
  turnOffRule(code: string): void;
  setReview(code: string, on: boolean): void;
  guideHref(anchor: string): string;
  lookupHref(): string;
}

const byPosition = (a: Finding, b: Finding) => a.start.line - b.start.line || a.start.column - b.start.column;

export class FindingsPanel {
  private readonly heading: HTMLElement;
  private readonly count: HTMLElement;
  private readonly list: HTMLElement;
  private readonly lookupBox: HTMLElement;
  private shown: unknown[] = [];
  private shownLookup: LookupView | null | undefined = undefined;

  constructor(
    private readonly panel: HTMLElement,
    private readonly actions: FindingsActions,
  ) {
    this.heading = part(panel, 'heading');
    this.count = part(panel, 'count');
    this.list = part(panel, 'list');
    this.lookupBox = part(panel, 'lookup');
  }

  /** Keyboard: from the editor to the first finding (or the heading). */
  focus(): void {
    (this.list.querySelector<HTMLElement>('.pg-finding-main') ?? this.heading).focus();
  }

  render(s: PlaygroundState): void {
    this.panel.setAttribute('aria-busy', String(s.busy));
    this.renderLookup(s.lookup);
    const f = activeFile(s);
    const fresh = freshAnalysis(f);
    // What the list shows depends on these; anything else changing needs no DOM work.
    const key = [f.path, fresh, f.refusal, f.good, s.options, s.rules, s.engine.state, s.project?.failed.get(f.path)];
    if (key.length === this.shown.length && key.every((k, i) => k === this.shown[i])) return;
    this.shown = key;
    this.list.textContent = '';
    const failed = s.project?.failed.get(f.path);
    if (fresh) {
      this.count.textContent = String(fresh.result.findings.length);
      this.renderFindings(fresh.result.findings, s);
    } else if (failed) {
      this.count.textContent = '';
      this.empty(`The engine failed on this file: ${failed}`);
    } else if (f.refusal) {
      this.count.textContent = '';
      const r = f.refusal;
      this.empty(
        r.kind === 'empty'
          ? 'Nothing to analyse yet.'
          : s.engine.state === 'failed'
            ? 'Python could not be loaded, so there are no findings. The error lookup still works: paste an error message.'
            : r.kind === 'failed'
              ? `No findings: ${r.message}.`
              : 'No findings for this input.',
      );
    } else if (f.good) {
      // The current text is being analysed: keep the previous findings, marked out of date.
      this.count.textContent = String(f.good.result.findings.length);
      this.renderFindings(f.good.result.findings, s);
    } else {
      this.count.textContent = '';
      this.empty(s.engine.state === 'failed' ? 'Python could not be loaded, so there are no findings.' : 'Findings appear here once Python has loaded.');
    }
  }

  private empty(text: string) {
    this.list.append(el('p', { class: 'pg-empty', text }));
  }

  private renderFindings(findings: Finding[], s: PlaygroundState) {
    if (!findings.length) {
      this.empty('Nothing to migrate here.');
      return;
    }
    const groups = new Map<string, Finding[]>();
    for (const f of [...findings].sort(byPosition)) {
      if (!groups.has(f.anchor)) groups.set(f.anchor, []);
      groups.get(f.anchor)!.push(f);
    }
    const frag = document.createDocumentFragment();
    let n = 0;
    for (const [anchor, items] of groups) {
      const headingId = `pg-sec-${anchor}`;
      const ul = el('ul', { role: 'list' });
      for (const f of items) ul.append(this.item(f, findings, s, n++));
      frag.append(
        el(
          'section',
          { class: 'pg-group', 'aria-labelledby': headingId },
          el('h3', { id: headingId }, el('a', { href: this.actions.guideHref(anchor) }, ...withCode(sectionTitle(anchor)))),
          ul,
        ),
      );
    }
    this.list.append(frag);
  }

  private item(f: Finding, all: Finding[], s: PlaygroundState, n: number): HTMLLIElement {
    const reveal = el(
      'button',
      { type: 'button', class: 'pg-finding-main', 'data-line': String(f.start.line), title: 'Show in the editor' },
      el('span', { class: 'pg-loc' }, el('span', { class: 'sr-only', text: 'Line ' }), `${f.start.line}:${f.start.column}`),
      el('code', { class: 'pg-rule', text: f.rule }),
      el('span', { class: `pg-badge pg-badge-${f.fix_class}`, text: FIX_LABEL[f.fix_class] }),
      el('span', { class: 'pg-msg' }, ...withCode(f.message)),
    );
    reveal.addEventListener('click', () => this.actions.reveal(f));
    const actions = el('div', { class: 'pg-finding-actions' });
    if (f.fix_class === 'review' && !f.advisory) {
      const id = `pg-review-${n}`;
      const box = el('input', { type: 'checkbox', id, role: 'switch' });
      box.checked = s.options.review === 'all' || s.options.review.includes(f.rule);
      box.addEventListener('change', () => this.actions.setReview(f.rule, box.checked));
      actions.append(el('label', { for: id, class: 'pg-switch' }, box, ` Apply ${f.rule} fixes in v2`));
    }
    if (f.edits.length) {
      const together = f.group ? all.filter((x) => x.group === f.group).length : 1;
      const apply = el('button', {
        type: 'button',
        class: 'pg-link-button',
        text: together > 1 ? `Apply to my code (${plural(together, 'place')} together)` : 'Apply to my code',
        'aria-label': `Apply to my code: ${f.rule} at line ${f.start.line}`,
      });
      apply.addEventListener('click', () => this.actions.applyFix(f));
      actions.append(apply);
    }
    const off = el('button', { type: 'button', class: 'pg-link-button', text: `Turn off ${f.rule}` });
    off.addEventListener('click', () => this.actions.turnOffRule(f.rule));
    actions.append(off);
    const li = el(
      'li',
      { class: `pg-finding pg-finding-${f.fix_class}${f.applied ? ' is-applied' : ''}`, 'data-rule': f.rule },
      reveal,
      actions,
    );
    const rule = s.rules.find((r) => r.code === f.rule);
    if (rule) li.title = rule.title.replace(/`/g, '');
    return li;
  }

  private renderLookup(view: LookupView | null) {
    if (view === this.shownLookup) return;
    this.shownLookup = view;
    const box = this.lookupBox;
    box.textContent = '';
    box.hidden = !view;
    if (!view) return;
    box.append(el('h3', { text: 'Error lookup' }), el('p', { class: 'pg-lookup-why', text: view.why }));
    if (view.failure) {
      box.append(el('p', { text: `The lookup failed: ${view.failure}` }));
      return;
    }
    const matches = view.answer?.matches ?? [];
    if (!matches.length) {
      box.append(el('p', {}, 'No guide section matched. Try the ', el('a', { href: this.actions.lookupHref(), text: 'error lookup page' }), '.'));
      return;
    }
    const ol = el('ol', { class: 'pg-lookup-list' });
    for (const m of matches) {
      ol.append(
        el(
          'li',
          { 'data-anchor': m.anchor },
          el('a', { href: m.href }, ...withCode(m.title)),
          m.evidence ? el('p', { class: 'pg-lookup-evidence' }, ...withCode(m.evidence)) : null,
        ),
      );
    }
    box.append(ol);
  }
}
