/** The e2e server's AUTH_SECRET: the tests encrypt a connection's client secret with it, as the server would. */
export const E2E_AUTH_SECRET = 'e2e-secret-that-is-long-enough-to-pass-validation';

/** The AUTH_SECRET of a server a spec starts for itself (own-server.ts): the matrix and bad-input seal drafts with it. */
export const OWN_SERVER_AUTH_SECRET = 'own-server-secret-that-is-long-enough-to-pass-validation';
