/**
 * The ids the stores generate (randomUUID): datasets and users. Checked before storage is touched,
 * so that a malformed id is "no such dataset/user", never a database error (PostgreSQL's uuid type
 * refuses other text) and never a scan for text that cannot be there.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value);
