/** Parses the invitation box: one person per line, "email" or "email, name, language". */
export interface Recipient { email: string; name?: string; language?: string }

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

export function parseRecipients(text: string): { recipients: Recipient[]; invalid: { line: number; text: string }[] } {
  const recipients: Recipient[] = [];
  const invalid: { line: number; text: string }[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [email = '', name = '', language = ''] = line.split(/[,\t;]/).map((s) => s.trim());
    if (!EMAIL.test(email) || (language && !LANGUAGE.test(language))) {
      invalid.push({ line: i + 1, text: line });
      return;
    }
    const key = email.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    recipients.push({ email, ...(name ? { name } : {}), ...(language ? { language } : {}) });
  });
  return { recipients, invalid };
}
