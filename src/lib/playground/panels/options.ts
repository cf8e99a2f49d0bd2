// "Rules & fixes": every rule with what it does, switched on or off, and which review fixes are applied
// in the v2 text.
import type { RuleInfo } from '../../engine/types';
import { el, part, withCode } from '../dom';
import type { PlaygroundState } from '../state';
import { FIX_LABEL, ruleAction } from './labels';

export interface OptionsActions {
  setRule(code: string, on: boolean): void;
  setReview(code: string | 'all', on: boolean): void;
  allRulesOn(): void;
}

const AREA: Record<string, string> = {
  PKG: 'Packaging and dependencies',
  TYP: 'Types and wire format',
  SRV: 'MCPServer (formerly FastMCP)',
  LOW: 'Lowlevel server',
  CLT: 'Clients',
  TRN: 'Transports',
  AUT: 'OAuth and server auth',
  PRO: 'Protocol validation',
  TST: 'Testing utilities',
  DPR: 'Deprecations',
  ERA: '2026-era connections',
};

export class OptionsPanel {
  private readonly summary: HTMLElement;
  private readonly offCount: HTMLElement;
  private readonly rulesBox: HTMLElement;
  private readonly reviewAll: HTMLInputElement;
  private shown: unknown[] = [];

  constructor(
    private readonly panel: HTMLDetailsElement,
    private readonly actions: OptionsActions,
  ) {
    this.summary = panel.querySelector('summary')!;
    this.offCount = part(panel, 'off-count');
    this.rulesBox = part(panel, 'rules');
    this.reviewAll = part<HTMLInputElement>(panel, 'review-all');
    this.reviewAll.addEventListener('change', () => actions.setReview('all', this.reviewAll.checked));
    part(panel, 'all-on').addEventListener('click', () => actions.allRulesOn());
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && panel.open) {
        panel.open = false;
        this.summary.focus();
      }
    });
    document.addEventListener('click', (e) => {
      if (panel.open && !panel.contains(e.target as Node)) panel.open = false;
    });
  }

  open(): void {
    this.panel.open = true;
  }

  render(s: PlaygroundState): void {
    const key = [s.rules, s.options];
    if (key.every((k, i) => k === this.shown[i])) return;
    this.shown = key;
    const off = s.options.ignore.length;
    this.offCount.textContent = off ? ` (${off} off)` : '';
    this.reviewAll.checked = s.options.review === 'all';
    const box = this.rulesBox;
    box.textContent = '';
    if (!s.rules.length) {
      box.append(el('p', { text: 'The rule list appears when Python has loaded.' }));
      return;
    }
    const groups = new Map<string, RuleInfo[]>();
    for (const r of s.rules) {
      const prefix = r.code.replace(/\d+$/, '');
      if (!groups.has(prefix)) groups.set(prefix, []);
      groups.get(prefix)!.push(r);
    }
    for (const [prefix, rules] of groups) {
      const fs = el(
        'fieldset',
        { class: 'pg-rule-group' },
        el('legend', { text: AREA[prefix] ? `${prefix}: ${AREA[prefix]}` : prefix }),
      );
      for (const r of rules) {
        const id = `pg-rule-${r.code}`;
        const cb = el('input', { type: 'checkbox', id });
        cb.checked = !s.options.ignore.includes(r.code);
        cb.addEventListener('change', () => this.actions.setRule(r.code, cb.checked));
        const row = el(
          'div',
          { class: 'pg-rule-row', title: `Guide section: ${r.title.replace(/`/g, '')}` },
          el(
            'label',
            { for: id },
            cb,
            ' ',
            el('code', { text: r.code }),
            ' ',
            el('span', { class: `pg-badge pg-badge-${r.fix_class}`, text: FIX_LABEL[r.fix_class] }),
            ' ',
            el('span', { class: 'pg-rule-does' }, ...withCode(ruleAction(r))),
          ),
        );
        fs.append(row);
        if (r.fix_class === 'review') {
          const rid = `pg-rule-review-${r.code}`;
          const rv = el('input', { type: 'checkbox', id: rid, role: 'switch' });
          rv.checked = s.options.review === 'all' || s.options.review.includes(r.code);
          rv.addEventListener('change', () => this.actions.setReview(r.code, rv.checked));
          fs.append(
            el(
              'div',
              { class: 'pg-rule-row pg-rule-sub' },
              el('label', { for: rid }, rv, ` apply the ${r.code} fix in v2`),
            ),
          );
        }
      }
      box.append(fs);
    }
  }
}
