// The findings panel: the active file's findings grouped by guide section, each with its rule, fix
// class and message, a button to show it in the editor and its actions; or why there are none; and the
// error lookup's answer when the text was an error message rather than code.
//
// A keystroke changes few findings: items are keyed by what they show and reused, so a re-analysis of
// a large file costs a few DOM updates, not hundreds of new elements. One listener serves all items.
import type { Finding } from '../../engine/types';
import { el, part, plural, withCode } from '../dom';
import { sectionTitle } from '../lookup-adapter';
import { activeFile, type Analysis, type LookupView, type PlaygroundState } from '../state';
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

/** What the panel says when rules crashed on the file: their findings and fixes are missing, the rest stand. */
export function failedRulesNotice(errors: readonly string[]): string | null {
  if (!errors.length) return null;
  const rules = [...new Set(errors.map((e) => e.split(':')[0]))];
  return (
    `${rules.length === 1 ? `Rule ${rules[0]}` : `Rules ${rules.join(', ')}`} failed on this file (${errors.join('; ')}), ` +
    `so ${rules.length === 1 ? 'its' : 'their'} findings and fixes are missing here; the others are complete. ` +
    'Please report it with the file.'
  );
}

export class FindingsPanel {
  private readonly heading: HTMLElement;
  private readonly count: HTMLElement;
  private readonly list: HTMLElement;
  private readonly lookupBox: HTMLElement;
  private shown: unknown[] = [];
  private shownLookup: LookupView | null | undefined = undefined;
  private failedRules: { text: string; node: HTMLElement } | null = null;
  /** the findings the items stand for, by their data-i */
  private current: Finding[] = [];
  private items = new Map<string, HTMLLIElement>();
  private sections = new Map<string, { section: HTMLElement; ul: HTMLUListElement }>();

  constructor(
    private readonly panel: HTMLElement,
    private readonly actions: FindingsActions,
  ) {
    this.heading = part(panel, 'heading');
    this.count = part(panel, 'count');
    this.list = part(panel, 'list');
    this.lookupBox = part(panel, 'lookup');
    this.list.addEventListener('click', (e) => {
      const target = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
      const f = this.findingOf(target);
      if (!target || !f) return;
      if (target.dataset.action === 'reveal') actions.reveal(f);
      else if (target.dataset.action === 'apply') actions.applyFix(f);
      else if (target.dataset.action === 'off') actions.turnOffRule(f.rule);
    });
    this.list.addEventListener('change', (e) => {
      const box = e.target as HTMLInputElement;
      const f = this.findingOf(box);
      if (f && box.dataset.action === 'review') actions.setReview(f.rule, box.checked);
    });
  }

  private findingOf(node: HTMLElement | null): Finding | undefined {
    const li = node?.closest<HTMLElement>('li[data-i]');
    return li ? this.current[Number(li.dataset.i)] : undefined;
  }

  /** Keyboard: from the editor to the first finding (or the heading). */
  focus(): void {
    (this.list.querySelector<HTMLElement>('.pg-finding-main') ?? this.heading).focus();
  }

  render(s: PlaygroundState): void {
    this.panel.setAttribute('aria-busy', String(s.busy));
    this.renderLookup(s.lookup);
    const f = activeFile(s);
    const failed = s.project?.failed.get(f.path);
    // While the current text is being analysed the previous findings stay (greyed by aria-busy).
    const shown: Analysis | null = f.refusal || failed ? null : f.good;
    const key = [f.path, shown, f.refusal, s.options, s.rules, s.engine.state, failed, s.titles];
    if (key.length === this.shown.length && key.every((k, i) => k === this.shown[i])) return;
    if (s.titles !== this.shown[7]) this.sections.clear(); // headings made before the titles arrived
    this.shown = key;
    if (shown) {
      this.count.textContent = String(shown.result.findings.length);
      this.renderFindings(shown.result.findings, s, failedRulesNotice(shown.result.internal_errors ?? []));
      return;
    }
    this.count.textContent = '';
    if (failed) this.empty(`The engine failed on this file: ${failed}`);
    else if (f.refusal) {
      const r = f.refusal;
      this.empty(
        r.kind === 'empty'
          ? 'Nothing to analyse yet.'
          : s.engine.state === 'failed'
            ? 'Python could not be loaded, so there are no findings. The error lookup still works: paste an error message.'
            : r.kind === 'failed'
              ? `No findings: ${r.message}.`
              : r.kind === 'engine' && r.error.kind === 'syntax'
                ? `No findings: the code does not parse${r.error.line ? ` (line ${r.error.line})` : ''}.`
                : 'No findings for this input.',
      );
    } else
      this.empty(
        s.engine.state === 'failed'
          ? 'Python could not be loaded, so there are no findings.'
          : 'Findings appear here once Python has loaded.',
      );
  }

  private empty(text: string) {
    this.items.clear();
    this.sections.clear();
    this.current = [];
    this.list.replaceChildren(el('p', { class: 'pg-empty', text }));
  }

  private renderFindings(findings: Finding[], s: PlaygroundState, failed: string | null) {
    if (!findings.length) {
      this.empty(failed ?? 'Nothing to migrate here.');
      return;
    }
    const groups = new Map<string, Finding[]>();
    for (const f of [...findings].sort(byPosition)) {
      if (!groups.has(f.anchor)) groups.set(f.anchor, []);
      groups.get(f.anchor)!.push(f);
    }
    const groupSize = new Map<string, number>();
    for (const f of findings) if (f.group) groupSize.set(f.group, (groupSize.get(f.group) ?? 0) + 1);
    const reviewOn = (rule: string) => s.options.review === 'all' || s.options.review.includes(rule);
    const items = new Map<string, HTMLLIElement>();
    const sections = new Map<string, { section: HTMLElement; ul: HTMLUListElement }>();
    const order: HTMLElement[] = [];
    if (failed) {
      if (this.failedRules?.text !== failed)
        this.failedRules = { text: failed, node: el('p', { class: 'pg-rule-failed', role: 'alert', text: failed }) };
      order.push(this.failedRules.node);
    }
    this.current = [];
    for (const [anchor, group] of groups) {
      const sec = this.sections.get(anchor) ?? this.section(anchor);
      sections.set(anchor, sec);
      const lis: HTMLLIElement[] = [];
      for (const f of group) {
        const together = f.group ? (groupSize.get(f.group) ?? 1) : 1;
        const key = [
          f.rule,
          f.start.line,
          f.start.column,
          f.end.line,
          f.end.column,
          f.fix_class,
          f.applied,
          f.advisory,
          f.message,
          f.edits.length,
          together,
          reviewOn(f.rule),
        ].join('\u0000');
        const li = (!items.has(key) && this.items.get(key)) || this.item(f, together, reviewOn(f.rule), s);
        items.set(key, li);
        li.dataset.i = String(this.current.length);
        this.current.push(f);
        lis.push(li);
      }
      if (lis.length !== sec.ul.children.length || lis.some((li, i) => sec.ul.children[i] !== li))
        sec.ul.replaceChildren(...lis);
      order.push(sec.section);
    }
    this.items = items;
    this.sections = sections;
    if (order.length !== this.list.children.length || order.some((n, i) => this.list.children[i] !== n))
      this.list.replaceChildren(...order);
  }

  private section(anchor: string) {
    const headingId = `pg-sec-${anchor}`;
    const ul = el('ul', { role: 'list' });
    const section = el(
      'section',
      { class: 'pg-group', 'aria-labelledby': headingId },
      el('h3', { id: headingId }, el('a', { href: this.actions.guideHref(anchor) }, ...withCode(sectionTitle(anchor)))),
      ul,
    );
    return { section, ul };
  }

  private item(f: Finding, together: number, reviewOn: boolean, s: PlaygroundState): HTMLLIElement {
    const actions = el('div', { class: 'pg-finding-actions' });
    if (f.fix_class === 'review' && !f.advisory) {
      const box = el('input', { type: 'checkbox', role: 'switch', 'data-action': 'review' });
      box.checked = reviewOn;
      actions.append(el('label', { class: 'pg-switch' }, box, ` Apply ${f.rule} fixes in v2`));
    }
    if (f.edits.length)
      actions.append(
        el('button', {
          type: 'button',
          class: 'pg-link-button',
          'data-action': 'apply',
          text: together > 1 ? `Apply to my code (${plural(together, 'place')} together)` : 'Apply to my code',
          'aria-label': `Apply to my code: ${f.rule} at line ${f.start.line}`,
        }),
      );
    actions.append(
      el('button', { type: 'button', class: 'pg-link-button', 'data-action': 'off', text: `Turn off ${f.rule}` }),
    );
    const rule = s.rules.find((r) => r.code === f.rule);
    return el(
      'li',
      {
        class: `pg-finding pg-finding-${f.fix_class}${f.applied ? ' is-applied' : ''}`,
        'data-rule': f.rule,
        title: rule ? rule.title.replace(/`/g, '') : undefined,
      },
      el(
        'button',
        {
          type: 'button',
          class: 'pg-finding-main',
          'data-action': 'reveal',
          'data-line': String(f.start.line),
          title: 'Show in the editor',
        },
        el(
          'span',
          { class: 'pg-loc' },
          el('span', { class: 'sr-only', text: 'Line ' }),
          `${f.start.line}:${f.start.column}`,
        ),
        el('code', { class: 'pg-rule', text: f.rule }),
        el('span', { class: `pg-badge pg-badge-${f.fix_class}`, text: FIX_LABEL[f.fix_class] }),
        el('span', { class: 'pg-msg' }, ...withCode(f.message)),
      ),
      actions,
    );
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
      box.append(
        el(
          'p',
          {},
          'No guide section matched. Try the ',
          el('a', { href: this.actions.lookupHref(), text: 'error lookup page' }),
          '.',
        ),
      );
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
