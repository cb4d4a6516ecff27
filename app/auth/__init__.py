"""Sign-in and secrets: keychain storage, the account, OAuth 2.0 with PKCE, and the token providers."""
