/** The e2e server's AUTH_SECRET: the tests encrypt a connection's client secret with it, as the server would. */
export const E2E_AUTH_SECRET = 'e2e-secret-that-is-long-enough-to-pass-validation';
