// Keeps passwords out of messages. Applied to whole messages rather than to the pieces we build, because
// drivers and servers may quote connection details back in their own error text.

export interface Redactor {
  (text: string): string;
  add(secret: string): void;
}

const MASK = '***';

export function redactor(initial: string[] = []): Redactor {
  const secrets = new Set<string>();
  const redact = ((text: string) => {
    // Credentials inside any URL, whatever the password was.
    let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:)[^@\s]*@/gi, `$1${MASK}@`);
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join(MASK);
    return out;
  }) as Redactor;
  redact.add = (secret: string) => {
    if (secret) secrets.add(secret);
  };
  for (const secret of initial) redact.add(secret);
  return redact;
}
