// Training cases the lookup is allowed to get wrong, each with the reason. A case is matched by the
// start of its paste (after the first `E   ` gutter or `> ` line pytest prints, where present).
// Every entry is a real limit of the mechanisms, not a case nobody looked at; the table's aggregate
// figures (lookup.test.ts) bound how many there may be.

export const KNOWN_MISSES: Array<{ paste: string; why: string }> = [
  { paste: 'issuer mismatch: https://auth.example.com/', why: "cut before the message's distinctive start; full text prefers the trailing-slash section, which explains the same slash" },
  { paste: 'error: Failed to fetch: `https://pypi.org/simple/mcp/`', why: 'a network failure fetching mcp itself: it names the SDK, so full text may answer' },
  { paste: '  × No solution found when resolving dependencies', why: "uv's own words match the dependency-floors section; only torch is named" },
  { paste: 'how do I add a second tool to my server?', why: 'ordinary words that one heading happens to share' },
  { paste: '>       assert result.server_info.version == "1.28.1"', why: "Implementation's repr shares more words with the positional-parameters section" },
  { paste: 'E       AssertionError: assert [10.0, 10.0] == [10.0, 20.0]', why: 'only the test name says progress: too little for full text alone' },
  { paste: '[XPASS(strict)] cancelling a request', why: 'the cancelled-requests section tells the other half of the same change' },
  { paste: 'E       assert 0 == -32600', why: 'code 0 and ErrorData appear in several sections' },
  { paste: 'After the upgrade the Inspector shows the version of my server as blank', why: 'blank/empty and version are common words; no name to anchor on' },
  { paste: 'raising McpError in an @mcp.tool', why: 'the renamed McpError outweighs the described behaviour' },
  { paste: 'what should my OAuth callback_handler return in v2?', why: 'the shorter timeout section mentions callback_handler too' },
  { paste: 'how do I read the negotiated protocol version', why: 'protocol_version is everywhere in v2' },
  { paste: 'how do I keep sampling working with Client(server)?', why: "sampling is the SEP-2577 section's word as much as the back-channel section's" },
  { paste: 'which parts of the MCPServer API did not change?', why: 'an overview section: the names it lists belong to other sections' },
  { paste: 'Transient error StatusCode.UNAVAILABLE', why: 'names only the trace exporter: nothing ties it to the SDK spans the section describes' },
];

export const knownMiss = (paste: string): string | undefined => KNOWN_MISSES.find((k) => paste.startsWith(k.paste))?.why;
