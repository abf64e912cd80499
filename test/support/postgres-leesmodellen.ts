// Setup of the e2e-postgres tier: every startTestApp in these specs puts its read models in PostgreSQL.
process.env.E2E_LEESMODELLEN = 'postgres';
