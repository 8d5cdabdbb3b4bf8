import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (19 MiB, t=2), as OWASP recommends. */
export const hashPassword = (plain: string) => hash(plain);
export const verifyPassword = (stored: string, plain: string) => verify(stored, plain).catch(() => false);

/** A hash to verify against when the user does not exist, so timing does not reveal accounts. */
let dummy: Promise<string> | null = null;
export const dummyHash = () => (dummy ??= hash('not-a-real-password'));
