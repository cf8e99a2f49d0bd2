// Training cases the lookup is allowed to get wrong, each with the reason. A case is matched by the
// start of its paste (after the first `E   ` gutter or `> ` line pytest prints, where present).
// Every entry is a real limit of the mechanisms, not a case nobody looked at; the table's aggregate
// figures (lookup.test.ts) bound how many there may be.

export const KNOWN_MISSES: Array<{ paste: string; why: string }> = [
  {
    paste: 'issuer mismatch: https://auth.example.com/',
    why: "cut before the message's distinctive start; full text prefers the trailing-slash section, which explains the same slash",
  },
  {
    paste: '  × No solution found when resolving dependencies',
    why: "uv's own words match the dependency-floors section; only torch is named",
  },
  { paste: 'how do I add a second tool to my server?', why: 'ordinary words that one heading happens to share' },
  {
    paste: 'E       AssertionError: assert [10.0, 10.0] == [10.0, 20.0]',
    why: 'only the test name says progress: too little for full text alone',
  },
  {
    paste: '[XPASS(strict)] cancelling a request',
    why: 'the cancelled-requests section tells the other half of the same change',
  },
  {
    paste: 'what should my OAuth callback_handler return in v2?',
    why: 'the shorter timeout section mentions callback_handler too',
  },
  { paste: 'how do I read the negotiated protocol version', why: 'protocol_version is everywhere in v2' },
  {
    paste: 'Transient error StatusCode.UNAVAILABLE',
    why: 'names only the trace exporter: nothing ties it to the SDK spans the section describes',
  },
  {
    paste: '    def test_scopes_after_403(oauth_flow):',
    why: "the test's words (authorize, scope, OAuth flow) are the offline_access section's as much; only the union of the two sides points at step-up",
  },
  {
    paste: 'Before I touch our OAuthClientProvider setup: which of its constructor',
    why: 'asks which constructor arguments changed; the section about the one removed argument (timeout) shares every word, the overview of what stayed says no more',
  },
];

export const knownMiss = (paste: string): string | undefined =>
  KNOWN_MISSES.find((k) => paste.startsWith(k.paste))?.why;
