import { defineConfig } from 'drizzle-kit';

// The PostgreSQL twin of drizzle.config.ts: generating migrations needs no database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg/index.ts',
  out: './db/migrations-pg',
});
