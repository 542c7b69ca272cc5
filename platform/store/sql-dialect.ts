/** The two SQL databases the store runs on: a SQLite file by default, PostgreSQL by DATABASE_URL. */
export type SqlDialect = 'sqlite' | 'postgres';
