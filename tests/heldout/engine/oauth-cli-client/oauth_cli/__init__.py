"""oauth-cli: an MCP client that signs in with OAuth."""
