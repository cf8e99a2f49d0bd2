// The playground's example menu. Each is realistic v1 code; the e2e tests assert the rule codes
// each one produces (tests/e2e/playground.spec.ts).
import fastmcpServer from './fastmcp_server.py?raw';
import lowlevelServer from './lowlevel_server.py?raw';
import httpOauthClient from './http_oauth_client.py?raw';
import testInMemory from './test_in_memory.py?raw';
import pyproject from './pyproject.toml?raw';

export interface Example {
  id: string;
  label: string;
  file: string;
  code: string;
}

export const EXAMPLES: Example[] = [
  { id: 'fastmcp-server', label: 'FastMCP server', file: 'server.py', code: fastmcpServer },
  { id: 'lowlevel-server', label: 'Lowlevel server', file: 'notes_server.py', code: lowlevelServer },
  { id: 'http-oauth-client', label: 'Streamable HTTP client with OAuth', file: 'client.py', code: httpOauthClient },
  { id: 'in-memory-tests', label: 'In-memory tests (pytest)', file: 'test_server.py', code: testInMemory },
  { id: 'pyproject', label: 'pyproject.toml dependencies', file: 'pyproject.toml', code: pyproject },
];

export const DEFAULT_EXAMPLE = EXAMPLES[0];
