/** The longest address SMTP can deliver to (RFC 5321: a 254-character path). */
export const EMAIL_MAX = 254;

/** Loose on purpose: the edges check properly (class-validator's IsEmail); this keeps nonsense out. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(email: string): boolean {
  return email.length <= EMAIL_MAX && EMAIL.test(email);
}
