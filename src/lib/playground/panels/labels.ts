// Words the panels share about findings and rules.
import type { FixClass, RuleInfo } from '../../engine/types';

export const FIX_LABEL: Record<FixClass, string> = { safe: 'safe fix', review: 'review fix', manual: 'manual' };

/** Text without its parenthetical asides (code spans are kept whole, parentheses in them too). */
function withoutAsides(text: string): string {
  let out = '';
  let depth = 0;
  let code = false;
  for (const ch of text) {
    if (ch === '`' && depth === 0) code = !code;
    if (!code && ch === '(') {
      if (depth === 0) out = out.trimEnd();
      depth++;
    }
    if (depth === 0) out += ch;
    if (!code && ch === ')' && depth > 0) depth--;
  }
  return out;
}

/**
 * What a rule does, in a few words: the first clause of its summary. Several rules implement one guide
 * section and share its title; the summary is what tells them apart.
 */
export function ruleAction(rule: Pick<RuleInfo, 'summary' | 'title'>): string {
  const text = withoutAsides(rule.summary.replace(/\s+/g, ' ').trim());
  if (!text) return rule.title;
  // Up to the first sentence end, or a colon that ends a clause long enough to say something.
  let end = text.length;
  const re = /(?<!\.)\.(?:\s|$)|:\s/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inCode = (text.slice(0, m.index).match(/`/g)?.length ?? 0) % 2 === 1;
    if (inCode) continue;
    if (m[0].startsWith(':') && m.index < 40) continue;
    end = m.index;
    break;
  }
  const out = text.slice(0, end).trim();
  if (out.length <= 120) return out;
  const cut = out.slice(0, 117).replace(/\s+\S*$/, '');
  // never end inside a code span
  return `${(cut.match(/`/g)?.length ?? 0) % 2 ? cut.slice(0, cut.lastIndexOf('`')).trimEnd() : cut}…`;
}
